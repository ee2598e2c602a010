import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { errorHandler as medusaErrorHandler } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { ApiError, ErrorCode, ErrorDetail } from "../../lib/errors"
import {
  isDependencyUnavailable,
  UNAVAILABLE_MESSAGE_TEXT,
  UNAVAILABLE_RETRY_AFTER_SECONDS,
} from "../../lib/unavailable"
import { applyRequestContext } from "./request-context"

type ContractError = { status: number; code: ErrorCode; message: string; details?: ErrorDetail[] }

const CONTRACT_PREFIXES = ["/api/v1", "/api/webhooks"]

export const isContractPath = (path: string) =>
  CONTRACT_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))

const BY_MEDUSA_TYPE: Record<string, [number, ErrorCode]> = {
  [MedusaError.Types.INVALID_DATA]: [400, "VALIDATION_ERROR"],
  [MedusaError.Types.INVALID_ARGUMENT]: [400, "VALIDATION_ERROR"],
  [MedusaError.Types.NOT_ALLOWED]: [400, "VALIDATION_ERROR"],
  [MedusaError.Types.UNAUTHORIZED]: [401, "AUTHENTICATION_ERROR"],
  [MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR]: [402, "PAYMENT_ERROR"],
  [MedusaError.Types.PAYMENT_REQUIRES_MORE_ERROR]: [402, "PAYMENT_ERROR"],
  [MedusaError.Types.FORBIDDEN]: [403, "AUTHORIZATION_ERROR"],
  [MedusaError.Types.NOT_FOUND]: [404, "RESOURCE_NOT_FOUND"],
  [MedusaError.Types.CONFLICT]: [409, "CONFLICT"],
  [MedusaError.Types.DUPLICATE_ERROR]: [409, "CONFLICT"],
}

const UNAVAILABLE: ContractError = { status: 503, code: "SERVICE_UNAVAILABLE", message: UNAVAILABLE_MESSAGE_TEXT }

const INTERNAL: ContractError = {
  status: 500,
  code: "INTERNAL_ERROR",
  message: "An unexpected error occurred. Quote the requestId when reporting it.",
}

/** Errors raised by body-parser and express carry an http status. */
function fromHttpError(err: { status?: number; type?: string }): ContractError | undefined {
  if (err.type === "entity.parse.failed") {
    return { status: 400, code: "VALIDATION_ERROR", message: "Malformed JSON in request body" }
  }
  if (err.type === "entity.too.large") {
    return {
      status: 413,
      code: "VALIDATION_ERROR",
      message: "Request body is larger than the 1 MB limit",
    }
  }
  if (typeof err.status === "number" && err.status >= 400 && err.status < 500) {
    return { status: err.status, code: "VALIDATION_ERROR", message: "Invalid request" }
  }
  return undefined
}

export function toContractError(err: unknown): ContractError {
  if (ApiError.isApiError(err)) {
    return { status: err.status, code: err.errorCode, message: err.message, details: err.details }
  }
  if (MedusaError.isMedusaError(err)) {
    const mapped = BY_MEDUSA_TYPE[(err as MedusaError).type]
    if (mapped) {
      return { status: mapped[0], code: mapped[1], message: (err as MedusaError).message }
    }
    return isDependencyUnavailable(err) ? UNAVAILABLE : INTERNAL
  }
  if (err && typeof err === "object") {
    return fromHttpError(err as { status?: number; type?: string }) ?? (isDependencyUnavailable(err) ? UNAVAILABLE : INTERNAL)
  }
  return INTERNAL
}

export function sendContractError(req: MedusaRequest, res: MedusaResponse, error: ContractError) {
  const requestId = applyRequestContext(req, res)
  if (error.status === 503) res.setHeader("Retry-After", String(UNAVAILABLE_RETRY_AFTER_SECONDS))
  const body = {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details?.length ? { details: error.details } : {}),
      requestId,
    },
  }
  res.status(error.status).json(body)
}

const fallback = medusaErrorHandler()

/**
 * The single error handler of the app: everything under /api/v1 and
 * /api/webhooks answers in the contract shape; Medusa's own routes (/store,
 * /admin, /auth) keep Medusa's answers so its Admin and SDK work unchanged.
 */
export function apiErrorHandler(
  err: unknown,
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  if (!isContractPath(req.path)) {
    if (ApiError.isApiError(err) && !res.headersSent) {
      // Our rules also run for Medusa's /store routes: keep Medusa's error
      // shape there, with the status the rule means (410, 422...).
      if (err.status === 503) res.setHeader("Retry-After", String(UNAVAILABLE_RETRY_AFTER_SECONDS))
      res.status(err.status).json({
        type: (err as unknown as MedusaError).type ?? MedusaError.Types.INVALID_DATA,
        code: err.errorCode,
        message: err.message,
      })
      return
    }
    const typed = MedusaError.isMedusaError(err) && BY_MEDUSA_TYPE[(err as MedusaError).type]
    if (!res.headersSent && !typed && isDependencyUnavailable(err)) {
      // Medusa would answer 500 "unknown_error": say it is an outage, and when to retry.
      logUnavailable(req, err)
      res.setHeader("Retry-After", String(UNAVAILABLE_RETRY_AFTER_SECONDS))
      res.status(503).json({ type: "unexpected_state", code: "SERVICE_UNAVAILABLE", message: UNAVAILABLE_MESSAGE_TEXT })
      return
    }
    return fallback(err as MedusaError, req, res, next)
  }
  if (res.headersSent) {
    return next(err)
  }
  const contract = toContractError(err)
  if (contract.status === 503) {
    logUnavailable(req, err)
  } else if (contract.status >= 500) {
    const logger = req.scope?.resolve(ContainerRegistrationKeys.LOGGER) ?? console
    logger.error(`${req.method} ${req.path} failed (${req.requestId ?? "no request id"})`, err as Error)
  }
  sendContractError(req, res, contract)
}

/** One warning line, no stack: an outage is not a bug, and a stack per request would flood the log. */
function logUnavailable(req: MedusaRequest, err: unknown) {
  const logger = req.scope?.resolve(ContainerRegistrationKeys.LOGGER) ?? console
  const message = (err as { message?: unknown })?.message
  logger.warn(`${req.method} ${req.path} answered 503: a dependency is unavailable (${String(message ?? err).slice(0, 200)})`)
}

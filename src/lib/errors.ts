import { MedusaError } from "@medusajs/framework/utils"

/** Error codes of the /api/v1 contract (DESIGN.md §2). */
export const ERROR_CODES = [
  "VALIDATION_ERROR",
  "AUTHENTICATION_ERROR",
  "AUTHORIZATION_ERROR",
  "RESOURCE_NOT_FOUND",
  "CONFLICT",
  "INVENTORY_ERROR",
  "DISCOUNT_ERROR",
  "PAYMENT_ERROR",
  "GONE",
  "RATE_LIMITED",
  "SERVICE_UNAVAILABLE",
  "INTERNAL_ERROR",
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export type ErrorDetail = { field: string; message: string; [extra: string]: unknown }

const TYPE_FOR_STATUS: Record<number, string> = {
  400: MedusaError.Types.INVALID_DATA,
  401: MedusaError.Types.UNAUTHORIZED,
  402: MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR,
  403: MedusaError.Types.FORBIDDEN,
  404: MedusaError.Types.NOT_FOUND,
  409: MedusaError.Types.CONFLICT,
  503: MedusaError.Types.UNEXPECTED_STATE,
}

/**
 * A MedusaError that also knows its contract status, code and details, for
 * the answers MedusaError's types cannot express (410, 413, 422, 429,
 * INVENTORY_ERROR...). Plain MedusaErrors are mapped by type instead.
 */
export class ApiError extends MedusaError {
  // Workflows serialise a thrown error into a plain object of its own
  // properties: this marker lets the error handler recognise it afterwards.
  readonly __isApiError = true

  static isApiError(err: unknown): err is Pick<ApiError, "status" | "errorCode" | "message" | "details"> {
    return !!err && typeof err === "object" && (err as { __isApiError?: unknown }).__isApiError === true
  }

  constructor(
    readonly status: number,
    readonly errorCode: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[]
  ) {
    super(TYPE_FOR_STATUS[status] ?? MedusaError.Types.INVALID_DATA, message)
  }
}

export const validationError = (message: string, details?: ErrorDetail[], status = 400) =>
  new ApiError(status, "VALIDATION_ERROR", message, details)

export const notFoundError = (message: string) =>
  new ApiError(404, "RESOURCE_NOT_FOUND", message)

export type ShortLine = { variantId: string; requested: number; available: number }

/** 409 INVENTORY_ERROR naming each short variant, what is available and what was asked for. */
export const insufficientInventory = (lines: ShortLine[], field = "variantId") =>
  new ApiError(
    409,
    "INVENTORY_ERROR",
    "Insufficient inventory",
    lines.map((line) => ({
      field,
      message: `Only ${line.available} of variant ${line.variantId} available, ${line.requested} requested`,
      variantId: line.variantId,
      available: line.available,
      requested: line.requested,
    }))
  )

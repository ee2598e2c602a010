import { randomUUID } from "node:crypto"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { observeRequest } from "../../lib/observability/http-metrics"
import { runWithLogContext } from "../../lib/observability/log-context"

const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/

const SECURITY_HEADERS: Record<string, string> = {
  "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "X-XSS-Protection": "1; mode=block",
  "Content-Security-Policy": "default-src 'self'",
}

/**
 * Gives the request its id (the caller's X-Request-Id when it is a sane
 * token, a fresh one otherwise) and puts the id and the security headers on
 * the response. Idempotent: the error handler calls it too, because body
 * parsing fails before any route middleware has run.
 */
export function applyRequestContext(req: MedusaRequest, res: MedusaResponse): string {
  const requestId = assignRequestId(req, res)
  // Errors raised before any route middleware (body parsing) are timed and counted too.
  observeRequest(req, res)
  if (!res.headersSent) {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      res.setHeader(name, value)
    }
  }
  return requestId
}

/**
 * Medusa already gives every request an id, but takes any X-Request-Id
 * verbatim (it reaches the logs); ours is only reused when it is a sane token.
 */
function assignRequestId(req: MedusaRequest, res: MedusaResponse): string {
  if (!res.locals.requestId) {
    const incoming = req.get("x-request-id")
    res.locals.requestId =
      incoming && SANE_REQUEST_ID.test(incoming)
        ? incoming
        : `req_${randomUUID().replace(/-/g, "")}`
    req.requestId = res.locals.requestId
  }
  if (!res.headersSent) {
    res.setHeader("X-Request-Id", res.locals.requestId)
  }
  return res.locals.requestId
}

/**
 * Every route (/store, /admin, /auth, /api/v1, /metrics): the request id,
 * latency and error metrics, and the log context, so each line logged while
 * answering (routes, workflows, steps, Medusa's own) carries request_id.
 * Runs after Medusa's body parser: a stream callback would lose the context.
 */
export function requestScope(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const requestId = assignRequestId(req, res)
  observeRequest(req, res)
  runWithLogContext({ request_id: requestId }, () => next())
}

export function requestContext(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  applyRequestContext(req, res)
  next()
}

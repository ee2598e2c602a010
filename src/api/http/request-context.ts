import { randomUUID } from "node:crypto"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

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
  // Medusa already gives every request an id, but takes any X-Request-Id
  // verbatim; ours is only reused when it is a sane token.
  if (!res.locals.requestId) {
    const incoming = req.get("x-request-id")
    res.locals.requestId =
      incoming && SANE_REQUEST_ID.test(incoming)
        ? incoming
        : `req_${randomUUID().replace(/-/g, "")}`
    req.requestId = res.locals.requestId
  }
  const requestId: string = res.locals.requestId
  if (!res.headersSent) {
    res.setHeader("X-Request-Id", requestId)
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      res.setHeader(name, value)
    }
  }
  return requestId
}

export function requestContext(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  applyRequestContext(req, res)
  next()
}

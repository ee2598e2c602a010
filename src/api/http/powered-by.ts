import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/**
 * Express announces itself with `X-Powered-By: Express` on every answer,
 * which tells a scanner which exploits to try. Medusa offers no setting for
 * it and creates the app before any project code runs, so the first request
 * through here turns the setting off for the whole app (the /app and /health
 * handlers registered before this middleware included), and removes the
 * header this request already got.
 */
export function hidePoweredBy(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (req.app.enabled("x-powered-by")) req.app.disable("x-powered-by")
  res.removeHeader("X-Powered-By")
  next()
}

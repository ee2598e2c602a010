import type {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { authenticate } from "@medusajs/framework/http"
import { ApiError } from "../../lib/errors"

/**
 * Medusa's `authenticate` answers a missing or bad token itself with
 * `{"message":"Unauthorized"}`. Under /api/v1 that must be the contract's 401,
 * so this lets Medusa read the Bearer token without refusing, and refuses
 * here when no customer came out of it (no token, a bad or expired one, a
 * token of an admin user, or of an identity with no customer yet).
 */
export function requireCustomer() {
  const readToken = authenticate("customer", ["bearer"], { allowUnauthenticated: true })
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) =>
    readToken(req, res, (err?: unknown) => {
      if (err) return next(err)
      const auth = (req as AuthenticatedMedusaRequest).auth_context
      if (auth?.actor_type !== "customer" || !auth.actor_id) {
        return next(
          new ApiError(401, "AUTHENTICATION_ERROR", "Sign in as a customer: send a valid Bearer token")
        )
      }
      next()
    })
}

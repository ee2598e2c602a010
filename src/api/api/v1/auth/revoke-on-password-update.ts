import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CUSTOMER_SESSION_MODULE } from "../../../../modules/customer-session"
import type CustomerSessionModuleService from "../../../../modules/customer-session/service"

/**
 * Medusa's own `POST /auth/customer/emailpass/update` (a reset token sets a
 * new password) knows nothing of our refresh tokens. Once it has answered
 * 200, the identity its token named (Medusa's validateToken put it in
 * auth_context) loses every refresh token, as /api/v1's confirm does.
 */
export function revokeSessionsOnPasswordUpdate(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  res.on("finish", () => {
    const identityId = (req as AuthenticatedMedusaRequest).auth_context?.auth_identity_id
    if (res.statusCode !== 200 || !identityId) return
    const sessions: CustomerSessionModuleService = req.scope.resolve(CUSTOMER_SESSION_MODULE)
    sessions.revokeAllOf(identityId).catch((e: Error) =>
      req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(`Revoking refresh tokens failed: ${e.message}`)
    )
  })
  next()
}

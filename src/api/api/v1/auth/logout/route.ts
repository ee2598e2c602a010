import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CUSTOMER_SESSION_MODULE } from "../../../../../modules/customer-session"
import type CustomerSessionModuleService from "../../../../../modules/customer-session/service"
import { badRefreshToken } from "../errors"
import type { RefreshBody } from "../validators"

/**
 * Revokes the refresh token's whole family (this device's sign-in). Needs no
 * access token: one that has run out must not keep a device signed in. A
 * second logout with the same token answers 200 again.
 */
export async function POST(req: MedusaRequest<RefreshBody>, res: MedusaResponse) {
  const sessions: CustomerSessionModuleService = req.scope.resolve(CUSTOMER_SESSION_MODULE)
  if (!(await sessions.revokeFamilyOf(req.validatedBody.refreshToken))) throw badRefreshToken()
  res.status(200).json({ data: { revoked: true }, message: "Signed out" })
}

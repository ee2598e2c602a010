import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { assertPasswordAcceptable } from "../../../../../../lib/customer-auth"
import { resetCustomerPasswordWorkflow } from "../../../../../../workflows/reset-customer-password"
import { readResetToken } from "../../reset-token"
import type { PasswordResetConfirmBody } from "../../validators"

/**
 * Sets the new password from a mailed token. The password is checked before
 * the token is spent, so a refused password leaves the link usable. Every
 * refresh token of the account is revoked.
 */
export async function POST(req: MedusaRequest<PasswordResetConfirmBody>, res: MedusaResponse) {
  const { http } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  const { email, jti } = readResetToken(req.validatedBody.token, http)
  assertPasswordAcceptable(req.validatedBody.password, email)
  await resetCustomerPasswordWorkflow(req.scope).run({
    input: { email, jti, password: req.validatedBody.password },
  })
  res.status(200).json({ data: { passwordReset: true }, message: "Password changed: sign in with the new password" })
}

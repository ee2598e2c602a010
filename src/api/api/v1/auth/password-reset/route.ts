import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { normalizeEmail } from "../../../../../lib/customer-auth"
import { requestCustomerPasswordResetWorkflow } from "../../../../../workflows/request-customer-password-reset"
import type { PasswordResetBody } from "../validators"

export const PASSWORD_RESET_ACCEPTED =
  "If an account exists for this email, a link to reset its password is on its way"

/**
 * Always 202 with the same body, answered before any lookup: whether the
 * email has an account changes neither the answer nor its time. The link is
 * made and mailed after the answer; a failure there is logged, not shown.
 */
export async function POST(req: MedusaRequest<PasswordResetBody>, res: MedusaResponse) {
  const email = normalizeEmail(req.validatedBody.email)
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  res.status(202).json({ data: { accepted: true }, message: PASSWORD_RESET_ACCEPTED })
  requestCustomerPasswordResetWorkflow(req.scope)
    .run({ input: { email } })
    .catch((e: Error) => logger.error(`Password reset email failed: ${e.message}`))
}

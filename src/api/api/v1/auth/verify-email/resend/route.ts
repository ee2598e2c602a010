import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { ApiError } from "../../../../../../lib/errors"
import { EMAIL_VERIFIED_KEY } from "../../../../../../workflows/steps/customer-account-auth"
import { sendVerificationEmailWorkflow } from "../../../../../../workflows/send-verification-email"

/** Mails the signed-in customer a new code (the previous one stops working); 409 once verified. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const customer = await req.scope
    .resolve(Modules.CUSTOMER)
    .retrieveCustomer(req.auth_context.actor_id, { select: ["id", "email", "metadata"] })
  if (customer.metadata?.[EMAIL_VERIFIED_KEY]) {
    throw new ApiError(409, "CONFLICT", "Email address is already verified")
  }
  const { result } = await sendVerificationEmailWorkflow(req.scope).run({
    input: { customer_id: customer.id, email: customer.email, auth_identity_id: req.auth_context.auth_identity_id },
  })
  // Medusa's verification says this address was confirmed already.
  if (!result.sent) throw new ApiError(409, "CONFLICT", "Email address is already verified")
  res.status(202).json({ data: { sent: true }, message: "A new verification code is on its way" })
}

import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { verifyCustomerEmailWorkflow } from "../../../../../workflows/verify-customer-email"
import type { VerifyEmailBody } from "../validators"

/**
 * Confirms the mailed code; the code alone is the proof (it may be opened
 * from the email on a device that is not signed in). Unknown or used → 400,
 * expired → 410.
 */
export async function POST(req: MedusaRequest<VerifyEmailBody>, res: MedusaResponse) {
  const { result } = await verifyCustomerEmailWorkflow(req.scope).run({ input: { code: req.validatedBody.code } })
  res.status(200).json({
    data: { emailVerified: true, verifiedAt: result.verified_at },
    message: "Email address confirmed",
  })
}

import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { confirmEmailVerificationStep, markEmailVerifiedStep } from "./steps/customer-account-auth"

export const verifyCustomerEmailWorkflowId = "verify-customer-email"

/** Confirms a mailed code and records `email_verified_at` on the customer's metadata. */
export const verifyCustomerEmailWorkflow = createWorkflow(verifyCustomerEmailWorkflowId, (input: { code: string }) => {
  const verification = confirmEmailVerificationStep(input)
  return new WorkflowResponse(markEmailVerifiedStep(verification))
})

import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { consumeResetTokenStep, setPasswordStep } from "./steps/customer-account-auth"
import { revokeCustomerSessionsStep } from "./steps/customer-tokens"

export type ResetCustomerPasswordInput = { email: string; jti: string; password: string }

export const resetCustomerPasswordWorkflowId = "reset-customer-password"

/**
 * Sets a new password from a reset token: the token is spent first (so two
 * parallel confirmations cannot both succeed), then the password is stored
 * and every refresh token of the identity is revoked (signed-in devices must
 * sign in again; access tokens run out within 15 minutes).
 */
export const resetCustomerPasswordWorkflow = createWorkflow(
  resetCustomerPasswordWorkflowId,
  (input: ResetCustomerPasswordInput) => {
    const spent = consumeResetTokenStep(input)
    setPasswordStep(input)
    revokeCustomerSessionsStep(spent)
    return new WorkflowResponse(spent)
  }
)

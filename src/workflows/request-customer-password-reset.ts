import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep } from "@medusajs/medusa/core-flows"
import { storefrontUrl } from "../lib/customer-auth"
import { passwordResetNotification } from "../lib/email-account"
import { createResetTokenStep, findCustomerIdentityStep, PASSWORD_RESET_SECONDS } from "./steps/customer-account-auth"

export const requestCustomerPasswordResetWorkflowId = "request-customer-password-reset"

/**
 * Mails a password reset link (single use, 15 minutes) to an account
 * holder. An email with no account does nothing, and the caller cannot tell
 * the difference (the route answers 202 either way). No auth.password_reset
 * event is emitted: this workflow is the mailer.
 */
export const requestCustomerPasswordResetWorkflow = createWorkflow(
  requestCustomerPasswordResetWorkflowId,
  (input: { email: string }) => {
    const identity = findCustomerIdentityStep(input)
    const sent = when({ identity }, ({ identity }) => !!identity).then(() => {
      const { token } = createResetTokenStep(input)
      const notifications = transform({ identity, token }, ({ identity, token }) => [
        passwordResetNotification({
          to: identity!.email,
          customerId: identity!.customer_id,
          minutes: PASSWORD_RESET_SECONDS / 60,
          url: `${storefrontUrl()}/account/reset-password?token=${encodeURIComponent(token)}`,
          token,
        }),
      ])
      return sendNotificationsStep(notifications)
    })
    return new WorkflowResponse(transform({ sent }, ({ sent }) => ({ sent: (sent?.length ?? 0) > 0 })))
  }
)

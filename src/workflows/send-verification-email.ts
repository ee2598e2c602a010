import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { requestVerificationStep, sendNotificationsStep } from "@medusajs/medusa/core-flows"
import { storefrontUrl } from "../lib/customer-auth"
import { verificationNotification } from "../lib/email-account"

export type SendVerificationEmailInput = { customer_id: string; email: string; auth_identity_id: string }

export const sendVerificationEmailWorkflowId = "send-verification-email"

/** Medusa's token verification provider: codes live 15 minutes (its default `ttl_seconds`). */
export const VERIFICATION_CODE_MINUTES = 15
/** The auth_verification entity_type of an email address. */
export const EMAIL_ENTITY_TYPE = "email"

/**
 * Mails a single-use code confirming the customer's email. The code is
 * Medusa's auth verification (provider "token": random, stored hashed, a new
 * request replaces the previous code); no `auth.verification_requested` event
 * is emitted, so nothing else mails it a second time. An already verified
 * address gets no email (`sent: false`).
 */
export const sendVerificationEmailWorkflow = createWorkflow(
  sendVerificationEmailWorkflowId,
  (input: SendVerificationEmailInput) => {
    const request = transform({ input }, ({ input }) => ({
      auth_identity_id: input.auth_identity_id,
      entity_id: input.email.toLowerCase(),
      entity_type: EMAIL_ENTITY_TYPE,
      code_provider: "token",
      metadata: { customer_id: input.customer_id },
    }))
    const verification = requestVerificationStep(request)
    const notifications = transform({ input, verification }, ({ input, verification }) => {
      const code = (verification as { code?: string }).code
      if (!code || verification.verified_at) return []
      const url = `${storefrontUrl()}/account/verify-email?code=${encodeURIComponent(code)}`
      return [
        verificationNotification({
          to: input.email,
          customerId: input.customer_id,
          minutes: VERIFICATION_CODE_MINUTES,
          url,
          code,
        }),
      ]
    })
    const created = when({ notifications }, ({ notifications }) => notifications.length > 0).then(() =>
      sendNotificationsStep(notifications)
    )
    return new WorkflowResponse(transform({ created }, ({ created }) => ({ sent: (created?.length ?? 0) > 0 })))
  }
)

import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { AuthWorkflowEvents, Modules } from "@medusajs/framework/utils"
import { storefrontUrl } from "../lib/customer-auth"
import { passwordResetNotification } from "../lib/email-account"
import { PASSWORD_RESET_SECONDS } from "../workflows/steps/customer-account-auth"

type PasswordResetEvent = { entity_id: string; actor_type: string; token: string }

/**
 * Medusa's own `POST /auth/customer/emailpass/reset-password` (what
 * @medusajs/js-sdk storefronts call) emits `auth.password_reset` and mails
 * nothing: this sends the same email /api/v1/auth/password-reset sends (that
 * route mails directly and emits no event, so nobody gets two). Customers only.
 */
export default async function customerPasswordReset({ event, container }: SubscriberArgs<PasswordResetEvent>) {
  const { entity_id: email, actor_type, token } = event.data
  if (actor_type !== "customer" || !email || !token) return
  await container.resolve(Modules.NOTIFICATION).createNotifications(
    passwordResetNotification({
      to: email,
      customerId: null,
      minutes: PASSWORD_RESET_SECONDS / 60,
      url: `${storefrontUrl()}/account/reset-password?token=${encodeURIComponent(token)}`,
      token,
    })
  )
}

export const config: SubscriberConfig = {
  event: AuthWorkflowEvents.PASSWORD_RESET,
  context: { subscriberId: "customer-password-reset-email" },
}

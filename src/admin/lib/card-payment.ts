/**
 * An order's card payment as Admin shows it, read from the order the page
 * already loaded: its Stripe session and the metadata our payment code keeps
 * (payment_intent_status, payment_failed, payment_failure, stripe_dispute,
 * payment_timed_out_at). The Stripe events come from ./stripe-events.
 */

export type CardFailure = { code: string | null; decline_code: string | null; message: string; at: string | null }
export type CardDispute = {
  id: string | null
  reason: string | null
  status: string | null
  /** Stripe's amount, in the currency's minor unit. */
  amount: number | null
  currency: string
  created_at: string | null
}
export type CardPayment = {
  provider_id: string
  intent_id: string | null
  /** The PaymentIntent's last status as Stripe reported it (or Medusa's session status before any attempt). */
  intent_status: string
  failure: CardFailure | null
  dispute: CardDispute | null
  timed_out_at: string | null
}

type OrderLike = {
  currency_code?: string | null
  metadata?: Record<string, unknown> | null
  payment_collections?: { payment_sessions?: { provider_id?: string; status?: string; data?: Record<string, unknown> | null }[] | null }[] | null
}

const text = (value: unknown) => (typeof value === "string" && value ? value : null)
const record = (value: unknown) => (value && typeof value === "object" ? (value as Record<string, unknown>) : null)

/** The order's card payment, or null when it is not paid by card. */
export function cardPaymentOf(order: OrderLike): CardPayment | null {
  const session = (order.payment_collections ?? [])
    .flatMap((collection) => collection?.payment_sessions ?? [])
    .find((s) => s?.provider_id?.startsWith("pp_stripe"))
  if (!session) return null
  const meta = order.metadata ?? {}
  const failure = meta.payment_failed === true ? record(meta.payment_failure) : null
  const dispute = record(meta.stripe_dispute)
  return {
    provider_id: session.provider_id!,
    intent_id: text(session.data?.id),
    intent_status: text(meta.payment_intent_status) ?? session.status ?? "unknown",
    failure: failure
      ? {
          code: text(failure.code),
          decline_code: text(failure.decline_code),
          message: text(failure.message) ?? "The payment failed",
          at: text(failure.at),
        }
      : null,
    dispute: dispute
      ? {
          id: text(dispute.id),
          reason: text(dispute.reason),
          status: text(dispute.status),
          amount: typeof dispute.amount === "number" ? dispute.amount : null,
          currency: (text(dispute.currency) ?? order.currency_code ?? "usd").toUpperCase(),
          created_at: text(dispute.created_at),
        }
      : null,
    timed_out_at: text(meta.payment_timed_out_at),
  }
}


/**
 * The Stripe webhook events the shop accepts (requirements §4); any other
 * type answers 422. One list for the route, the worker and the docs.
 */
export const STRIPE_EVENT_TYPES = [
  "payment_intent.succeeded",
  "payment_intent.payment_failed",
  "charge.dispute.created",
  "invoice.payment_succeeded",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
] as const
export type StripeEventType = (typeof STRIPE_EVENT_TYPES)[number]

export const isSupportedStripeEvent = (type: unknown): type is StripeEventType =>
  typeof type === "string" && (STRIPE_EVENT_TYPES as readonly string[]).includes(type)

/**
 * What became of a recorded event: `received` (waiting for the worker),
 * `processed` (the order follows it), `recorded` (kept only: the shop sells no
 * subscriptions), `ignored` (no order of ours), `failed` (retried by the job).
 */
export const STRIPE_EVENT_STATUSES = ["received", "processed", "recorded", "ignored", "failed"] as const
export type StripeEventStatus = (typeof STRIPE_EVENT_STATUSES)[number]

/** Types that only get recorded: nothing in the shop acts on them yet. */
export const RECORD_ONLY_TYPES: readonly StripeEventType[] = [
  "invoice.payment_succeeded",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
]

/** Medusa event our webhook route emits for each new Stripe event; the worker processes it. */
export const STRIPE_EVENT_RECEIVED = "stripe.event_received"

/** Attempts before a failing event is left for an operator (Admin shows it). */
export const STRIPE_EVENT_MAX_ATTEMPTS = 8

/**
 * What Admin sees of a recorded Stripe event: its state, not its payload
 * (which can be large and holds the shopper's email).
 */
export const STRIPE_EVENT_ADMIN_FIELDS = [
  "id",
  "event_id",
  "type",
  "object_id",
  "order_id",
  "status",
  "attempts",
  "last_error",
  "stripe_created_at",
  "processed_at",
  "created_at",
] as const

// Newest first, so a failing event shows on top.
export const STRIPE_EVENT_ADMIN_ORDER = { created_at: "DESC", id: "DESC" } as const

/**
 * The contract's order `status` and `paymentStatus` (DESIGN.md "Order status
 * and payment status"), from Medusa's order, payment and fulfillment state.
 * One pure function: every answer that shows an order uses it.
 */

export const ORDER_STATUSES = ["pending", "confirmed", "processing", "shipped", "delivered", "cancelled"] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

export const PAYMENT_STATUSES = ["pending", "processing", "paid", "failed", "refunded"] as const
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number]

export const PAYMENT_METHODS = ["cash_on_delivery", "stripe"] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]

export type OrderState = {
  /** Medusa's order status: pending, completed, draft, archived, canceled, requires_action. */
  status: string
  /** Medusa's computed payment status: not_paid, awaiting, authorized, captured, refunded, ... */
  payment_status?: string | null
  /** Medusa's computed fulfillment status: not_fulfilled, fulfilled, shipped, delivered, ... */
  fulfillment_status?: string | null
  payment_method: PaymentMethod
  /** When the shopper confirmed a cash-on-delivery order. */
  cod_confirmed_at?: Date | string | null
  /** The last card attempt failed (the shopper may retry). */
  payment_failed?: boolean
  /** The card was given and Stripe is still at it (3-D Secure, a slow card): the webhook will tell. */
  card_under_way?: boolean
}

/** PaymentIntent statuses in which a card payment is under way. */
export const CARD_UNDER_WAY_STATUSES = ["requires_action", "processing", "requires_capture", "succeeded"]

const REFUNDED = new Set(["refunded", "partially_refunded"])
const CAPTURED = new Set(["captured", "partially_captured"])
const AUTHORIZED = new Set(["authorized", "partially_authorized"])
// "awaiting" is a card order whose payment has not started (Medusa's deferred
// session): still pending. Card payments under way are known from the intent.
const UNDER_WAY = new Set(["requires_action"])

export function paymentStatusOf(order: OrderState): PaymentStatus {
  const payment = order.payment_status ?? "not_paid"
  if (REFUNDED.has(payment)) return "refunded"
  if (CAPTURED.has(payment)) return "paid"
  if (order.payment_method === "stripe") {
    if (AUTHORIZED.has(payment) || UNDER_WAY.has(payment) || order.card_under_way) return "processing"
    if (order.payment_failed) return "failed"
  }
  // Cash on delivery is authorized at checkout and stays pending until the
  // merchant captures the cash collected on delivery.
  return "pending"
}

export function orderStatusOf(order: OrderState): OrderStatus {
  if (order.status === "canceled") return "cancelled"
  switch (order.fulfillment_status) {
    case "delivered":
      return "delivered"
    case "shipped":
    case "partially_shipped":
    case "partially_delivered":
      return "shipped"
    case "fulfilled":
    case "partially_fulfilled":
      return "processing"
  }
  const payment = order.payment_status ?? "not_paid"
  const confirmed =
    order.payment_method === "cash_on_delivery"
      ? !!order.cod_confirmed_at || CAPTURED.has(payment)
      : AUTHORIZED.has(payment) || CAPTURED.has(payment)
  return confirmed ? "confirmed" : "pending"
}

/**
 * The Query fields an order's contract statuses and tracking number are
 * computed from (with Medusa's getLastPaymentStatus/getLastFulfillmentStatus).
 */
export const ORDER_STATUS_FIELDS = [
  "status",
  "currency_code",
  "metadata",
  "payment_collections.status",
  "payment_collections.amount",
  "payment_collections.captured_amount",
  "payment_collections.refunded_amount",
  "payment_collections.payment_sessions.provider_id",
  "fulfillments.packed_at",
  "fulfillments.shipped_at",
  "fulfillments.delivered_at",
  "fulfillments.canceled_at",
  "fulfillments.labels.tracking_number",
  "items.detail.raw_fulfilled_quantity",
  "items.raw_quantity",
]

/** The parts of a Medusa order (read through Query) that its contract statuses come from. */
export type OrderStatusRecord = {
  status: string
  /** Computed by Medusa's getLastPaymentStatus / getLastFulfillmentStatus, as its own routes do. */
  payment_status?: string | null
  fulfillment_status?: string | null
  metadata?: Record<string, unknown> | null
  payment_collections?: ({ payment_sessions?: ({ provider_id?: string | null } | null)[] | null } | null)[] | null
  fulfillments?: ({ labels?: ({ tracking_number?: string | null } | null)[] | null } | null)[] | null
}

const text = (value: unknown) => (typeof value === "string" && value ? value : null)

/** cash_on_delivery or stripe, from the provider of the order's payment session. */
export function paymentMethodOf(order: Pick<OrderStatusRecord, "payment_collections">): PaymentMethod | null {
  const providers = (order.payment_collections ?? []).flatMap((collection) =>
    (collection?.payment_sessions ?? []).map((session) => session?.provider_id ?? "")
  )
  if (providers.some((id) => id.startsWith("pp_stripe"))) return "stripe"
  if (providers.some((id) => id.startsWith("pp_cod"))) return "cash_on_delivery"
  return null
}

/** The state statusOf/paymentStatusOf read, from an order record and our metadata keys. */
export function orderStateOf(order: OrderStatusRecord): OrderState {
  const meta = order.metadata ?? {}
  return {
    status: order.status,
    payment_status: order.payment_status,
    fulfillment_status: order.fulfillment_status,
    payment_method: paymentMethodOf(order) ?? "cash_on_delivery",
    cod_confirmed_at: text(meta.cod_confirmed_at),
    payment_failed: meta.payment_failed === true,
    card_under_way: CARD_UNDER_WAY_STATUSES.includes(text(meta.payment_intent_status) ?? ""),
  }
}

/** The first tracking number of the order's shipped labels. */
export const trackingNumberOf = (order: Pick<OrderStatusRecord, "fulfillments">) =>
  (order.fulfillments ?? [])
    .flatMap((f) => f?.labels ?? [])
    .map((label) => label?.tracking_number)
    .find(Boolean) ?? null

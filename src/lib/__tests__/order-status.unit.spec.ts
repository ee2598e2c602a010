import { orderStatusOf, OrderState, paymentStatusOf } from "../order-status"

const cod = (extra: Partial<OrderState> = {}): OrderState => ({
  status: "pending",
  payment_status: "authorized",
  fulfillment_status: "not_fulfilled",
  payment_method: "cash_on_delivery",
  ...extra,
})
const card = (extra: Partial<OrderState> = {}): OrderState => ({
  status: "pending",
  payment_status: "not_paid",
  fulfillment_status: "not_fulfilled",
  payment_method: "stripe",
  ...extra,
})

describe("order status", () => {
  it.each([
    ["a new cash-on-delivery order", cod(), "pending", "pending"],
    ["cash on delivery confirmed by the shopper", cod({ cod_confirmed_at: "2025-01-15T10:00:00Z" }), "confirmed", "pending"],
    ["cash collected (captured) on delivery", cod({ payment_status: "captured", fulfillment_status: "delivered" }), "delivered", "paid"],
    ["a fulfillment created", cod({ cod_confirmed_at: new Date(), fulfillment_status: "fulfilled" }), "processing", "pending"],
    ["part of it shipped", cod({ fulfillment_status: "partially_shipped" }), "shipped", "pending"],
    ["shipped", cod({ fulfillment_status: "shipped" }), "shipped", "pending"],
    ["cancelled", cod({ status: "canceled", payment_status: "canceled" }), "cancelled", "pending"],
    ["a new card order", card(), "pending", "pending"],
    ["a card order awaiting its card (deferred session)", card({ payment_status: "awaiting" }), "pending", "pending"],
    ["a card payment needing 3-D Secure", card({ payment_status: "requires_action" }), "pending", "processing"],
    ["a card payment authorized", card({ payment_status: "authorized" }), "confirmed", "processing"],
    ["a card payment captured", card({ payment_status: "captured" }), "confirmed", "paid"],
    ["a declined card (may retry)", card({ payment_failed: true }), "pending", "failed"],
    ["a card in its 3-D Secure challenge (no Medusa payment yet)", card({ card_under_way: true }), "pending", "processing"],
    ["a retry under way after a decline", card({ card_under_way: true, payment_failed: false }), "pending", "processing"],
    ["a card accepted before a stale failure", card({ payment_status: "captured", payment_failed: true }), "confirmed", "paid"],
    ["a cancelled unpaid card order", card({ status: "canceled", payment_status: "canceled" }), "cancelled", "pending"],
    ["a refunded card order", card({ status: "canceled", payment_status: "refunded" }), "cancelled", "refunded"],
    ["a part refund", card({ payment_status: "partially_refunded", fulfillment_status: "delivered" }), "delivered", "refunded"],
  ])("%s → %s / %s", (_what, state, status, paymentStatus) => {
    expect(orderStatusOf(state)).toBe(status)
    expect(paymentStatusOf(state)).toBe(paymentStatus)
  })
})

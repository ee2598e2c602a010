/**
 * The events after which an order's live state or a variant's stock may
 * read differently (names from @medusajs/utils' core-flows events, and ours).
 */

/** Ours: an order's card payment changed without a Medusa event (metadata of the intent's status, a failure). */
export const ORDER_PAYMENT_STATUS_CHANGED = "order.payment_status_changed"

/** Events whose data names the order as `id`. */
export const ORDER_ID_EVENTS = [
  "order.placed",
  "order.updated",
  "order.canceled",
  "order.completed",
  "order.cod_confirmed",
  ORDER_PAYMENT_STATUS_CHANGED,
]
/** Events whose data names the order as `order_id`. */
export const ORDER_FIELD_EVENTS = ["order.fulfillment_created", "order.fulfillment_canceled"]
/** Events whose data names a fulfillment as `id`. */
export const FULFILLMENT_EVENTS = ["shipment.created", "delivery.created"]
/** Events whose data names a payment as `id`. */
export const PAYMENT_EVENTS = ["payment.captured", "payment.refunded"]

export const LIVE_ORDER_EVENTS = [...ORDER_ID_EVENTS, ...ORDER_FIELD_EVENTS, ...FULFILLMENT_EVENTS, ...PAYMENT_EVENTS]

/** Events whose data names variants as `variant_ids` (our holds). */
export const HOLD_EVENTS = ["inventory.hold_created", "inventory.hold_released"]
/** Events whose data names a reservation or an inventory level as `id`. */
export const RESERVATION_EVENTS = ["reservation-item.created", "reservation-item.updated", "reservation-item.deleted"]
export const LEVEL_EVENTS = ["inventory-level.created", "inventory-level.updated", "inventory-level.deleted"]

export const LIVE_STOCK_EVENTS = [...HOLD_EVENTS, ...RESERVATION_EVENTS, ...LEVEL_EVENTS]

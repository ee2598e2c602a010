import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { getLastFulfillmentStatus, getLastPaymentStatus } from "@medusajs/medusa/core-flows"
import {
  ORDER_STATUS_FIELDS,
  orderStateOf,
  orderStatusOf,
  OrderStatus,
  OrderStatusRecord,
  paymentStatusOf,
  PaymentStatus,
  trackingNumberOf,
} from "../order-status"
import { FULFILLMENT_EVENTS, ORDER_FIELD_EVENTS, ORDER_ID_EVENTS, PAYMENT_EVENTS } from "./events"

/** What an order's live stream says: the contract's statuses and the tracking number. */
export type LiveOrderState = { status: OrderStatus; paymentStatus: PaymentStatus; trackingNumber: string | null }

/**
 * Only what the statuses need (the whole order, as GET /orders/:id reads it,
 * would cost each event a dozen joins). The statuses come from the same
 * functions the order presenter uses, read the same way: the order
 * journey specs compare both at every step.
 */
const LIVE_ORDER_FIELDS = ["id", "customer_id", "customer.has_account", ...ORDER_STATUS_FIELDS]

type Row = OrderStatusRecord & {
  id: string
  customer_id?: string | null
  customer?: { has_account?: boolean | null } | null
}

/** The order's owner fields and live state; null for an unknown order. */
export async function loadLiveOrder(container: MedusaContainer, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: LIVE_ORDER_FIELDS, filters: { id: orderId } })
  const row = data[0] as unknown as Row | undefined
  if (!row) return null
  const state = orderStateOf({
    ...row,
    payment_status: getLastPaymentStatus(row as never),
    fulfillment_status: getLastFulfillmentStatus(row as never),
  })
  const trackingNumber = trackingNumberOf(row)
  const live: LiveOrderState = {
    status: orderStatusOf(state),
    paymentStatus: paymentStatusOf(state),
    trackingNumber,
  }
  return { owner: { customer_id: row.customer_id, customer: row.customer }, state: live }
}

const str = (value: unknown) => (typeof value === "string" && value ? value : null)
const records = (data: unknown) =>
  (Array.isArray(data) ? data : [data]).filter((d): d is Record<string, unknown> => !!d && typeof d === "object")

/** The orders an event concerns (an event's data may be one object or a batch). */
export async function orderIdsOfEvent(container: MedusaContainer, name: string, data: unknown): Promise<string[]> {
  const rows = records(data)
  const direct = (field: string) => rows.map((r) => str(r[field])).filter((id): id is string => !!id)
  if (ORDER_ID_EVENTS.includes(name)) return [...new Set(direct("id"))]
  if (ORDER_FIELD_EVENTS.includes(name)) return [...new Set(direct("order_id"))]
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const ids = direct("id")
  if (!ids.length) return []
  if (FULFILLMENT_EVENTS.includes(name)) {
    const { data: found } = await query.graph({ entity: "fulfillment", fields: ["order.id"], filters: { id: ids } })
    return [...new Set(found.map((f: any) => f.order?.id as string | undefined).filter((id): id is string => !!id))]
  }
  if (PAYMENT_EVENTS.includes(name)) {
    const { data: found } = await query.graph({ entity: "payment", fields: ["payment_collection.order.id"], filters: { id: ids } })
    return [
      ...new Set(found.map((p: any) => p.payment_collection?.order?.id as string | undefined).filter((id): id is string => !!id)),
    ]
  }
  return []
}

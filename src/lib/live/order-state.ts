import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { getLastFulfillmentStatus, getLastPaymentStatus } from "@medusajs/medusa/core-flows"
import {
  CARD_UNDER_WAY_STATUSES,
  orderStatusOf,
  OrderStatus,
  PaymentMethod,
  paymentStatusOf,
  PaymentStatus,
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
const LIVE_ORDER_FIELDS = [
  "id",
  "status",
  "currency_code",
  "customer_id",
  "customer.has_account",
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

type Row = {
  id: string
  status: string
  customer_id?: string | null
  customer?: { has_account?: boolean | null } | null
  metadata?: Record<string, unknown> | null
  payment_collections?: ({ payment_sessions?: ({ provider_id?: string | null } | null)[] | null } | null)[] | null
  fulfillments?: ({ labels?: ({ tracking_number?: string | null } | null)[] | null } | null)[] | null
}

const text = (value: unknown) => (typeof value === "string" && value ? value : null)

function paymentMethodOf(row: Row): PaymentMethod {
  const providers = (row.payment_collections ?? []).flatMap((c) => (c?.payment_sessions ?? []).map((s) => s?.provider_id ?? ""))
  return providers.some((id) => id.startsWith("pp_stripe")) ? "stripe" : "cash_on_delivery"
}

/** The order's owner fields and live state; null for an unknown order. */
export async function loadLiveOrder(container: MedusaContainer, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: LIVE_ORDER_FIELDS, filters: { id: orderId } })
  const row = data[0] as unknown as Row | undefined
  if (!row) return null
  const meta = row.metadata ?? {}
  const state = {
    status: row.status,
    payment_status: getLastPaymentStatus(row as never),
    fulfillment_status: getLastFulfillmentStatus(row as never),
    payment_method: paymentMethodOf(row),
    cod_confirmed_at: text(meta.cod_confirmed_at),
    payment_failed: meta.payment_failed === true,
    card_under_way: CARD_UNDER_WAY_STATUSES.includes(text(meta.payment_intent_status) ?? ""),
  }
  const trackingNumber =
    (row.fulfillments ?? []).flatMap((f) => f?.labels ?? []).map((l) => l?.tracking_number).find(Boolean) ?? null
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

import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { getLastFulfillmentStatus, getLastPaymentStatus } from "@medusajs/medusa/core-flows"
import { notFoundError } from "../../lib/errors"
import { assertOrderOwner, isErasedOrder } from "../../lib/order-access"
import { SHIPPING_RULES_MODULE } from "../../modules/shipping-rules"
import type ShippingRulesModuleService from "../../modules/shipping-rules/service"
import { ORDER_FIELDS, OrderRecord, presentOrder } from "../presenters/order"

type Page = { skip: number; take: number }

/**
 * Orders with what presentOrder needs, their computed statuses and the
 * merchant's public holidays.
 */
export async function loadOrders(scope: MedusaContainer, filters: Record<string, unknown>, page?: Page) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "order",
    fields: ORDER_FIELDS,
    filters,
    ...(page ? { pagination: { ...page, order: { created_at: "DESC" } } } : {}),
  })
  const orders = data as unknown as OrderRecord[]
  // Medusa computes these (they are no columns), as its own order routes do.
  for (const order of orders) {
    order.payment_status = getLastPaymentStatus(order as never)
    order.fulfillment_status = getLastFulfillmentStatus(order as never)
  }
  const rules: ShippingRulesModuleService = scope.resolve(SHIPPING_RULES_MODULE)
  const holidays = (await rules.listPublicHolidays({}, { select: ["date"] })).map((h) => h.date)
  return { orders, count: metadata?.count ?? orders.length, holidays }
}

/** One order the caller may see: 404 unknown; an account's order only with its token. */
export async function loadOrderFor(scope: MedusaContainer, orderId: string, actorId: string | undefined) {
  const {
    orders: [order],
    holidays,
  } = await loadOrders(scope, { id: orderId })
  if (!order || isErasedOrder(order)) {
    throw notFoundError(`Order ${orderId} not found`)
  }
  assertOrderOwner(order, actorId)
  return { order, holidays }
}

/** One order in the contract shape, for its owner (or anyone holding a guest order's id). */
export async function presentOrderFor(scope: MedusaContainer, orderId: string, actorId: string | undefined) {
  const { order, holidays } = await loadOrderFor(scope, orderId, actorId)
  return presentOrder(order, holidays)
}

import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ApiError, notFoundError } from "../../lib/errors"
import { SKIN_PROFILE_MODULE } from "../../modules/skin-profile"
import type SkinProfileModuleService from "../../modules/skin-profile/service"
import { EMPTY_SKIN_PROFILE } from "../../modules/skin-profile/service"
import { CUSTOMER_FIELDS, CustomerRecord, OrderSummary, presentCustomer } from "../presenters/customer"
import { presentOrder } from "../presenters/order"
import { loadOrders } from "./order"

/** How many of the newest orders the customer record carries; GET /api/v1/orders pages through all. */
export const ORDER_HISTORY_LIMIT = 20

/**
 * The customer id a route acts on: `me` or the caller's own id. Anyone
 * else's id (existing or not) is a 403, so ids cannot be probed.
 */
export function ownCustomerId(req: AuthenticatedMedusaRequest): string {
  const actorId = req.auth_context.actor_id
  const asked = req.params.customerId
  if (asked !== "me" && asked !== actorId) {
    throw new ApiError(403, "AUTHORIZATION_ERROR", "You can only access your own customer record")
  }
  return actorId
}

export async function loadCustomer(scope: MedusaContainer, customerId: string): Promise<CustomerRecord> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [customer],
  } = await query.graph({ entity: "customer", fields: CUSTOMER_FIELDS, filters: { id: customerId } })
  if (!customer) {
    throw notFoundError(`Customer ${customerId} not found`)
  }
  return customer as unknown as CustomerRecord
}

export async function loadSkinProfile(scope: MedusaContainer, customerId: string) {
  const profiles: SkinProfileModuleService = scope.resolve(SKIN_PROFILE_MODULE)
  return (await profiles.readProfiles([customerId])).get(customerId) ?? EMPTY_SKIN_PROFILE
}

/** The newest orders as the customer record lists them. */
async function orderHistory(scope: MedusaContainer, customerId: string): Promise<OrderSummary[]> {
  const { orders, holidays } = await loadOrders(scope, { customer_id: customerId }, { skip: 0, take: ORDER_HISTORY_LIMIT })
  return orders.map((order) => {
    const { id, orderNumber, total, status, createdAt } = presentOrder(order, holidays)
    return { id, orderNumber, total, status, createdAt }
  })
}

/** The contract's customer, with order history when `withOrders`. */
export async function presentCustomerById(scope: MedusaContainer, customerId: string, { withOrders = false } = {}) {
  const [customer, profile, orders] = await Promise.all([
    loadCustomer(scope, customerId),
    loadSkinProfile(scope, customerId),
    withOrders ? orderHistory(scope, customerId) : undefined,
  ])
  return presentCustomer(customer, profile, orders)
}

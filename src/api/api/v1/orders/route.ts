import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { presentOrder } from "../../../presenters/order"
import { loadOrders } from "../../../utils/order"
import { pagination } from "../../../utils/pagination"
import type { ListOrdersQuery } from "./validators"

/** The signed-in customer's orders, newest first; `number` finds one by its SKN number. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { page, limit, number } = req.validatedQuery as ListOrdersQuery
  const { orders, count } = await loadOrders(
    req.scope,
    { customer_id: req.auth_context.actor_id, ...(number ? { custom_display_id: number } : {}) },
    { skip: (page - 1) * limit, take: limit }
  )
  res.json({ data: orders.map((order) => presentOrder(order)), pagination: pagination(page, limit, count) })
}

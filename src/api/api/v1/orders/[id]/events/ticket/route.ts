import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { notFoundError } from "../../../../../../../lib/errors"
import { loadLiveOrder } from "../../../../../../../lib/live/order-state"
import { issueTicket } from "../../../../../../../lib/live/tickets"
import { assertOrderOwner } from "../../../../../../../lib/order-access"
import { LIMITS } from "../../../../../../../lib/text-safety"

/**
 * A signed-in customer's ticket for one stream of their order (EventSource
 * sends no Authorization header): 201 { ticket, expiresIn }. 401 without a
 * token (requireCustomer), 403 for someone else's order, 404 unknown.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const orderId = req.params.id
  const customerId = req.auth_context.actor_id
  const order = orderId.length <= LIMITS.id ? await loadLiveOrder(req.scope, orderId) : null
  if (!order) throw notFoundError(`Order ${orderId.slice(0, LIMITS.id)} not found`)
  assertOrderOwner(order.owner, customerId)
  res.status(201).json({ data: await issueTicket({ orderId, customerId }) })
}

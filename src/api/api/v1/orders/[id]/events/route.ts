import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ApiError, notFoundError } from "../../../../../../lib/errors"
import type { LiveEvent } from "../../../../../../lib/live/backend"
import { liveBackend, orderTopic, subscribeLive } from "../../../../../../lib/live/hub"
import { loadLiveOrder } from "../../../../../../lib/live/order-state"
import { redeemTicket } from "../../../../../../lib/live/tickets"
import { assertOrderOwner } from "../../../../../../lib/order-access"
import { LIMITS } from "../../../../../../lib/text-safety"
import { parseQuery } from "../../../../../http/validate"
import { openStream, takeStreamSlot } from "../../../../../http/sse"
import { lastEventIdOf, OrderEventsQuery } from "./validators"

export const ORDER_STATUS_EVENT = "order.status"

/** The caller's customer id: a ticket's (used up here), else the Bearer token's. */
async function callerOf(req: AuthenticatedMedusaRequest, orderId: string, ticket: string | undefined) {
  if (!ticket) return req.auth_context?.actor_id
  const grant = await redeemTicket(ticket)
  if (!grant) throw new ApiError(401, "AUTHENTICATION_ERROR", "The ticket is unknown, used or expired: ask for a new one")
  if (grant.orderId !== orderId) throw new ApiError(403, "AUTHORIZATION_ERROR", "The ticket is for another order")
  return grant.customerId
}

/**
 * An order's status, payment status and tracking number as they change
 * (text/event-stream). First the current state, or, for a client resuming
 * with Last-Event-ID, the changes it missed; then one `order.status` event
 * per change, numbered per order. Guest orders by id; an account's order
 * with a ticket (or its Bearer token).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const orderId = req.params.id
  if (orderId.length > LIMITS.id) throw notFoundError("Order not found")
  const query = parseQuery(OrderEventsQuery, req.query)
  const release = takeStreamSlot(req, res)
  const topic = orderTopic(orderId)
  // Subscribed before the order is read, so a change published meanwhile is
  // not lost; changes are held until the first event is out.
  let held: LiveEvent[] | null = []
  let deliver = (_event: LiveEvent) => {}
  let unsubscribe = () => {}
  let order: NonNullable<Awaited<ReturnType<typeof loadLiveOrder>>>
  let history: Awaited<ReturnType<ReturnType<typeof liveBackend>["history"]>>
  try {
    const actorId = await callerOf(req, orderId, query.ticket)
    unsubscribe = await subscribeLive(topic, (event) => (held ? held.push(event) : deliver(event)))
    // The numbering before the state: the state read next is at least as new as event `seq`.
    history = await liveBackend().history(topic)
    const found = await loadLiveOrder(req.scope, orderId)
    if (!found) throw notFoundError(`Order ${orderId} not found`)
    assertOrderOwner(found.owner, actorId)
    order = found
  } catch (e) {
    unsubscribe()
    release()
    throw e
  }

  const sse = openStream(req, res, release)
  sse.onClose(unsubscribe)
  let lastSent = -1
  deliver = (event) => {
    if (event.id <= lastSent) return
    lastSent = event.id
    sse.send(ORDER_STATUS_EVENT, event.data, event.id)
  }
  try {
    const { seq, events } = history
    const after = lastEventIdOf(req.get("last-event-id"), query.lastEventId)
    if (after !== undefined && after <= seq && (after === seq || events.some((e) => e.id === after + 1))) {
      lastSent = after
      events.forEach((event) => deliver(event))
    } else {
      // Nothing to resume from (a new client, or one that missed more than the ring keeps): the state now.
      deliver({ id: seq, data: order.state })
    }
    const pending = held
    held = null
    pending.forEach((event) => deliver(event))
  } catch (e) {
    // The answer has begun: an error can only end the stream (the client reconnects).
    req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(`Live order stream ${orderId} failed`, e as Error)
    sse.end()
  }
}

import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { LIVE_ORDER_EVENTS } from "../lib/live/events"
import { orderIdsOfEvent } from "../lib/live/order-state"
import { publishOrderStates } from "../lib/live/publish"

/**
 * The worker reads the order's new status, payment status and tracking
 * number after each event that may change them, and publishes it (Redis
 * pub/sub, or this process) to the servers' /orders/:id/events streams.
 */
export default async function liveOrderUpdates({ event, container }: SubscriberArgs<unknown>) {
  await publishOrderStates(container, await orderIdsOfEvent(container, event.name, event.data))
}

export const config: SubscriberConfig = {
  event: LIVE_ORDER_EVENTS,
  context: { subscriberId: "live-order-updates" },
}

import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { LIVE_STOCK_EVENTS } from "../lib/live/events"
import { publishStock } from "../lib/live/publish"
import { variantIdsOfEvent } from "../lib/live/stock-state"

/**
 * After a hold, a reservation or a stock level changes, the worker reads the
 * variants' sellable units and publishes those that changed to the servers'
 * /inventory/events streams.
 */
export default async function liveStockUpdates({ event, container }: SubscriberArgs<unknown>) {
  await publishStock(container, await variantIdsOfEvent(container, event.name, event.data))
}

export const config: SubscriberConfig = {
  event: LIVE_STOCK_EVENTS,
  context: { subscriberId: "live-stock-updates" },
}

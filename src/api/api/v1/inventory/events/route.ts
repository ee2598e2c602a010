import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { notFoundError } from "../../../../../lib/errors"
import type { LiveEvent } from "../../../../../lib/live/backend"
import { stockTopic, subscribeLive } from "../../../../../lib/live/hub"
import { liveStock } from "../../../../../lib/live/stock-state"
import { printable } from "../../../../../lib/text-safety"
import { openStream, takeStreamSlot } from "../../../../http/sse"
import { parseQuery } from "../../../../http/validate"
import { InventoryEventsQuery } from "./validators"

export const STOCK_EVENT = "stock"

/**
 * Stock of up to 50 variants as it changes (text/event-stream), for product
 * pages: first one `stock` event per variant with its current figures, then
 * one per change { variantId, inventoryCount, lowStock }. A reconnecting
 * client gets the current figures again.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { variantIds } = parseQuery(InventoryEventsQuery, req.query)
  const release = takeStreamSlot(req, res)
  // Subscribed before the figures are read, so a change meanwhile is not lost.
  let held: LiveEvent[] | null = []
  let deliver = (_event: LiveEvent) => {}
  const unsubscribes: (() => void)[] = []
  const unsubscribeAll = () => unsubscribes.forEach((off) => off())
  let current: Awaited<ReturnType<typeof liveStock>>
  try {
    for (const id of variantIds) {
      unsubscribes.push(await subscribeLive(stockTopic(id), (event) => (held ? held.push(event) : deliver(event))))
    }
    current = await liveStock(req.scope, variantIds)
    const unknown = variantIds.filter((id) => !current.has(id))
    if (unknown.length) throw notFoundError(`Unknown variants: ${printable(unknown.join(", "))}`)
  } catch (e) {
    unsubscribeAll()
    release()
    throw e
  }

  const sse = openStream(req, res, release)
  sse.onClose(unsubscribeAll)
  deliver = (event) => sse.send(STOCK_EVENT, event.data)
  for (const id of variantIds) sse.send(STOCK_EVENT, current.get(id))
  const pending = held
  held = null
  pending.forEach((event) => deliver(event))
}

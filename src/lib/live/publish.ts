import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { orderTopic, publishLive, stockTopic } from "./hub"
import { loadLiveOrder } from "./order-state"
import { liveStock } from "./stock-state"

/**
 * Read-then-publish runs under a lock per order or variant: two events of
 * one order handled at once (or by two workers) could otherwise publish an
 * older reading after a newer one.
 */
const lockOptions = { timeout: 10 }

/** Publishes each order's current live state (skipped when unchanged). */
export async function publishOrderStates(container: MedusaContainer, orderIds: string[]) {
  const locking = container.resolve(Modules.LOCKING)
  for (const orderId of orderIds) {
    await locking.execute(
      `live:${orderTopic(orderId)}`,
      async () => {
        const order = await loadLiveOrder(container, orderId)
        if (order) await publishLive(orderTopic(orderId), order.state)
      },
      lockOptions
    )
  }
}

/** Publishes the variants' current stock (each skipped when unchanged). */
export async function publishStock(container: MedusaContainer, variantIds: string[]) {
  const ids = [...new Set(variantIds)].sort()
  if (!ids.length) return
  await container.resolve(Modules.LOCKING).execute(
    ids.map((id) => `live:${stockTopic(id)}`),
    async () => {
      for (const stock of (await liveStock(container, ids)).values()) {
        await publishLive(stockTopic(stock.variantId), stock)
      }
    },
    lockOptions
  )
}

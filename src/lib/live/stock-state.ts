import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { lowStockThresholds, sellableStock } from "../stock"
import { HOLD_EVENTS, LEVEL_EVENTS, RESERVATION_EVENTS } from "./events"

/** What the stock stream says about one variant (the availability route's figures). */
export type LiveStock = { variantId: string; inventoryCount: number; lowStock: boolean }

/**
 * The live stream is read by EventSource, which sends no publishable key:
 * its figures are those of the store's default sales channel, which is what
 * GET /api/v1/inventory/... answers without a key.
 */
async function defaultChannelId(container: MedusaContainer) {
  const [store] = await container.resolve(Modules.STORE).listStores({}, { select: ["default_sales_channel_id"] })
  return store?.default_sales_channel_id ?? null
}

/** Sellable units and low-stock flag per known variant; unknown ids are left out. */
export async function liveStock(container: MedusaContainer, variantIds: string[]): Promise<Map<string, LiveStock>> {
  const ids = [...new Set(variantIds)]
  const [stock, thresholds] = await Promise.all([
    sellableStock(container, { variantIds: ids, salesChannelId: await defaultChannelId(container) }),
    lowStockThresholds(container, ids),
  ])
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: known } = await query.graph({ entity: "product_variant", fields: ["id"], filters: { id: ids } })
  const answer = new Map<string, LiveStock>()
  for (const { id } of known as { id: string }[]) {
    const { count, manageInventory, allowBackorder } = stock[id]
    const inventoryCount = Math.max(0, count ?? 0)
    answer.set(id, {
      variantId: id,
      inventoryCount,
      // As the availability route: only stock that runs out can run low.
      lowStock: manageInventory && !allowBackorder && inventoryCount <= thresholds[id],
    })
  }
  return answer
}

const records = (data: unknown) =>
  (Array.isArray(data) ? data : [data]).filter((d): d is Record<string, unknown> => !!d && typeof d === "object")

/** The variants an inventory event concerns. */
export async function variantIdsOfEvent(container: MedusaContainer, name: string, data: unknown): Promise<string[]> {
  const rows = records(data)
  if (HOLD_EVENTS.includes(name)) {
    return [...new Set(rows.flatMap((r) => (Array.isArray(r.variant_ids) ? r.variant_ids : [])).filter((id) => typeof id === "string"))]
  }
  const ids = rows.map((r) => r.id).filter((id): id is string => typeof id === "string" && !!id)
  if (!ids.length) return []
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  let itemIds: string[] = []
  if (RESERVATION_EVENTS.includes(name) || LEVEL_EVENTS.includes(name)) {
    const entity = RESERVATION_EVENTS.includes(name) ? "reservation_item" : "inventory_level"
    const { data: found } = await query.graph({ entity, fields: ["inventory_item_id"], filters: { id: ids }, withDeleted: true })
    itemIds = found.map((r: { inventory_item_id: string }) => r.inventory_item_id)
  }
  if (!itemIds.length) return []
  const { data: items } = await query.graph({ entity: "inventory_item", fields: ["variants.id"], filters: { id: itemIds } })
  return [...new Set(items.flatMap((i: any) => (i.variants ?? []).map((v: any) => v?.id as string | undefined)).filter(Boolean))] as string[]
}

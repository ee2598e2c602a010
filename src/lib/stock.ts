import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { INVENTORY_HOLD_MODULE } from "../modules/inventory-hold"
import type InventoryHoldModuleService from "../modules/inventory-hold/service"

/**
 * What can be sold now, hold-aware (DESIGN.md "Inventory holds"): Medusa's
 * stocked − reserved in the sales channel's locations (holds are
 * reservations, so they are in "reserved"), plus what the caller cart holds
 * itself, plus holds already past their expiry that the release job has not
 * yet deleted. One computation for the availability route, the cart line
 * checks and the hold workflow.
 */

export const DEFAULT_LOW_STOCK_THRESHOLD = 10
export const DEFAULT_HOLD_MINUTES = 15

/** One reservation item a hold made. */
export type HeldReservation = {
  reservation_id: string
  variant_id: string
  inventory_item_id: string
  location_id: string
  quantity: number
  /** Units of the variant the hold covers (a reservation counts inventory units). */
  variant_quantity: number
}

export type HoldRecord = {
  id: string
  cart_id: string
  expires_at: Date | string
  reservations: HeldReservation[]
}

export const holdService = (container: MedusaContainer) =>
  container.resolve<InventoryHoldModuleService>(INVENTORY_HOLD_MODULE)

/** Lock keys for inventory items: the ids themselves (Medusa's reserve step locks the same keys), sorted. */
export const inventoryLockKeys = (inventoryItemIds: Iterable<string>) => [...new Set(inventoryItemIds)].sort()

export const levelKey = (inventoryItemId: string, locationId: string) => `${inventoryItemId}|${locationId}`

export const isExpired = (hold: Pick<HoldRecord, "expires_at">, now = Date.now()) =>
  new Date(hold.expires_at).getTime() <= now

/** Quantities per inventory level that these holds take and that a reader may count as free. */
export function freedByHolds(holds: HoldRecord[]) {
  const freed = new Map<string, number>()
  for (const hold of holds) {
    for (const r of hold.reservations ?? []) {
      const key = levelKey(r.inventory_item_id, r.location_id)
      freed.set(key, (freed.get(key) ?? 0) + Number(r.quantity))
    }
  }
  return freed
}

/** Holds that count as free for `cartId`: its own, and every expired one. */
export async function holdsFreeFor(container: MedusaContainer, cartId: string | undefined, now = new Date()) {
  const filters = cartId
    ? { $or: [{ expires_at: { $lte: now } }, { cart_id: cartId }] }
    : { expires_at: { $lte: now } }
  return (await holdService(container).listInventoryHolds(filters as any)) as unknown as HoldRecord[]
}

export type VariantInventory = {
  variant_id: string
  manage_inventory: boolean
  allow_backorder: boolean
  items: { inventory_item_id: string; required_quantity: number }[]
}

/** The variants' inventory items and how many of each one unit takes. */
export async function variantInventories(container: MedusaContainer, variantIds: string[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "manage_inventory", "allow_backorder", "inventory_items.inventory_item_id", "inventory_items.required_quantity"],
    filters: { id: variantIds },
  })
  return new Map(
    variants.map((v: any) => [
      v.id as string,
      {
        variant_id: v.id,
        manage_inventory: !!v.manage_inventory,
        allow_backorder: !!v.allow_backorder,
        items: (v.inventory_items ?? []).map((i: any) => ({
          inventory_item_id: i.inventory_item_id,
          required_quantity: Number(i.required_quantity) || 1,
        })),
      } as VariantInventory,
    ])
  )
}

export async function channelLocationIds(container: MedusaContainer, salesChannelId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "sales_channel_locations",
    fields: ["stock_location_id"],
    filters: { sales_channel_id: salesChannelId },
  })
  return data.map((row: any) => row.stock_location_id as string)
}

/** Available (stocked − reserved) per inventory level, read fresh from the inventory module. */
export async function levelAvailability(container: MedusaContainer, inventoryItemIds: string[], locationIds: string[]) {
  const available = new Map<string, number>()
  if (!inventoryItemIds.length || !locationIds.length) {
    return available
  }
  const inventory = container.resolve(Modules.INVENTORY)
  const levels = await inventory.listInventoryLevels(
    { inventory_item_id: inventoryItemIds, location_id: locationIds },
    { take: null }
  )
  for (const level of levels) {
    available.set(
      levelKey(level.inventory_item_id, level.location_id),
      Number(level.stocked_quantity) - Number(level.reserved_quantity)
    )
  }
  return available
}

/** Units of a variant that `available` (per level, already hold-adjusted) can make; null when not tracked. */
export function variantUnits(variant: VariantInventory | undefined, available: Map<string, number>, locationIds: string[]) {
  if (!variant || !variant.manage_inventory || !variant.items.length) {
    return null
  }
  return Math.max(
    0,
    Math.min(
      ...variant.items.map((item) => {
        const total = locationIds.reduce(
          (sum, loc) => sum + Math.max(0, available.get(levelKey(item.inventory_item_id, loc)) ?? 0),
          0
        )
        return Math.floor(total / item.required_quantity)
      })
    )
  )
}

export type SellableStock = {
  /** Units sellable now; null when inventory is not managed. */
  count: number | null
  manageInventory: boolean
  allowBackorder: boolean
}

/** Hold-aware sellable units per variant in a sales channel, as seen by `cartId` (or by nobody's cart). */
export async function sellableStock(
  container: MedusaContainer,
  input: { variantIds: string[]; salesChannelId: string | null | undefined; cartId?: string; now?: Date }
): Promise<Record<string, SellableStock>> {
  const variantIds = [...new Set(input.variantIds)]
  if (!variantIds.length) {
    return {}
  }
  const variants = await variantInventories(container, variantIds)
  const locations = input.salesChannelId ? await channelLocationIds(container, input.salesChannelId) : []
  const itemIds = [...variants.values()].flatMap((v) => v.items.map((i) => i.inventory_item_id))
  const [available, holds] = await Promise.all([
    levelAvailability(container, itemIds, locations),
    holdsFreeFor(container, input.cartId, input.now),
  ])
  for (const [key, quantity] of freedByHolds(holds)) {
    if (available.has(key)) {
      available.set(key, available.get(key)! + quantity)
    }
  }
  return Object.fromEntries(
    variantIds.map((id) => {
      const variant = variants.get(id)
      return [
        id,
        {
          count: variantUnits(variant, available, locations),
          manageInventory: !!variant?.manage_inventory,
          allowBackorder: !!variant?.allow_backorder,
        },
      ]
    })
  )
}

/** The merchant's thresholds, default 10 for variants without one. */
export async function lowStockThresholds(container: MedusaContainer, variantIds: string[]) {
  const rows = variantIds.length
    ? await holdService(container).listVariantStockSettings({ variant_id: variantIds })
    : []
  const byVariant = new Map(rows.map((r) => [r.variant_id, r.low_stock_threshold]))
  return Object.fromEntries(variantIds.map((id) => [id, byVariant.get(id) ?? DEFAULT_LOW_STOCK_THRESHOLD]))
}

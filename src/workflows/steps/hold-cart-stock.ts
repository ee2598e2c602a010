import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { insufficientInventory } from "../../lib/errors"
import {
  channelLocationIds,
  freedByHolds,
  HeldReservation,
  HoldRecord,
  holdService,
  inventoryLockKeys,
  isExpired,
  levelAvailability,
  levelKey,
  variantInventories,
  variantUnits,
} from "../../lib/stock"

export type HoldCartStockInput = {
  cart_id: string
  sales_channel_id: string
  items: { variant_id: string; quantity: number }[]
  expires_at: Date
}

type Compensation = { created: HoldRecord | null; replaced: HoldRecord[] }

// Holds wait this long for other holds and orders on the same items.
const LOCK_TIMEOUT_SECONDS = 30

const description = (cartId: string) => `Hold for cart ${cartId}`

async function deleteReservations(container: MedusaContainer, holds: HoldRecord[]) {
  const ids = holds.flatMap((h) => (h.reservations ?? []).map((r) => r.reservation_id))
  if (ids.length) {
    await container.resolve(Modules.INVENTORY).deleteReservationItems(ids)
  }
  if (holds.length) {
    await holdService(container).deleteInventoryHolds(holds.map((h) => h.id))
  }
}

async function recreate(container: MedusaContainer, hold: HoldRecord) {
  const inventory = container.resolve(Modules.INVENTORY)
  const made = hold.reservations.length
    ? await inventory.createReservationItems(
        hold.reservations.map((r) => ({
          inventory_item_id: r.inventory_item_id,
          location_id: r.location_id,
          quantity: r.quantity,
          description: description(hold.cart_id),
          metadata: { cart_id: hold.cart_id },
        }))
      )
    : []
  await holdService(container).createInventoryHolds({
    cart_id: hold.cart_id,
    expires_at: new Date(hold.expires_at),
    reservations: hold.reservations.map((r, i) => ({ ...r, reservation_id: made[i].id })) as any,
  })
}

/**
 * Holds a cart's items: Medusa reservation items (described with the cart,
 * so Admin's inventory page shows whose they are) and one hold row. Under
 * the Locking module on the sorted inventory item ids, it reads the levels
 * fresh, gives back the cart's previous hold and expired holds on these
 * items, and either reserves every item or none (409 naming each short
 * variant). The previous hold is replaced inside the same lock, so no other
 * hold or order can take its units in between.
 */
export const holdCartStockStep = createStep(
  "hold-cart-stock",
  async (input: HoldCartStockInput, { container }) => {
    const holds = holdService(container)
    const variants = await variantInventories(container, input.items.map((i) => i.variant_id))
    const locations = await channelLocationIds(container, input.sales_channel_id)
    const [previous] = (await holds.listInventoryHolds({ cart_id: input.cart_id })) as unknown as HoldRecord[]
    const tracked = input.items.filter((i) => {
      const v = variants.get(i.variant_id)
      return v?.manage_inventory && !v.allow_backorder && v.items.length
    })
    const itemIds = tracked.flatMap((i) => variants.get(i.variant_id)!.items.map((x) => x.inventory_item_id))
    const keys = inventoryLockKeys([
      ...itemIds,
      ...(previous?.reservations ?? []).map((r) => r.inventory_item_id),
    ])

    const run = async (): Promise<Compensation> => {
      const now = Date.now()
      const expired = ((await holds.listInventoryHolds({ expires_at: { $lte: new Date(now) } })) as unknown as HoldRecord[])
        .filter((h) => h.cart_id !== input.cart_id && h.reservations.some((r) => itemIds.includes(r.inventory_item_id)))
      const [current] = (await holds.listInventoryHolds({ cart_id: input.cart_id })) as unknown as HoldRecord[]
      const replaced = [...(current ? [current] : []), ...expired]
      const available = await levelAvailability(container, itemIds, locations)
      for (const [key, quantity] of freedByHolds(replaced)) {
        if (available.has(key)) available.set(key, available.get(key)! + quantity)
      }

      // Every item or none: find what is short before reserving anything.
      const short = tracked
        .map((i) => ({ ...i, available: variantUnits(variants.get(i.variant_id), available, locations) ?? 0 }))
        .filter((i) => i.quantity > i.available)
      // The same inventory item in two variants: check the sum too, while allocating.
      const planned: Omit<HeldReservation, "reservation_id">[] = []
      if (!short.length) {
        for (const line of tracked) {
          for (const part of variants.get(line.variant_id)!.items) {
            let left = part.required_quantity * line.quantity
            for (const loc of locations) {
              const key = levelKey(part.inventory_item_id, loc)
              const take = Math.min(left, Math.max(0, available.get(key) ?? 0))
              if (take > 0) {
                planned.push({ variant_id: line.variant_id, inventory_item_id: part.inventory_item_id, location_id: loc, quantity: take, variant_quantity: line.quantity })
                available.set(key, available.get(key)! - take)
                left -= take
              }
            }
            if (left > 0 && !short.some((s) => s.variant_id === line.variant_id)) {
              short.push({ ...line, available: Math.floor((part.required_quantity * line.quantity - left) / part.required_quantity) })
            }
          }
        }
      }
      if (short.length) {
        throw insufficientInventory(
          short.map((s) => ({ variantId: s.variant_id, requested: s.quantity, available: s.available })),
          "items"
        )
      }

      await deleteReservations(container, replaced)
      const inventory = container.resolve(Modules.INVENTORY)
      try {
        const made = planned.length
          ? await inventory.createReservationItems(
              planned.map((p) => ({
                inventory_item_id: p.inventory_item_id,
                location_id: p.location_id,
                quantity: p.quantity,
                description: description(input.cart_id),
                metadata: { cart_id: input.cart_id },
              }))
            )
          : []
        const created = (await holds.createInventoryHolds({
          cart_id: input.cart_id,
          expires_at: input.expires_at,
          reservations: planned.map((p, i) => ({ ...p, reservation_id: made[i].id })) as any,
        })) as unknown as HoldRecord
        return { created, replaced }
      } catch (e) {
        if (current) await recreate(container, current)
        throw e
      }
    }

    const locking = container.resolve(Modules.LOCKING)
    const result = keys.length
      ? await locking.execute(keys, run, { timeout: LOCK_TIMEOUT_SECONDS })
      : await run()
    return new StepResponse(
      { hold: result.created!, released: result.replaced },
      { created: result.created, replaced: result.replaced.filter((h) => h.cart_id === input.cart_id), keys } as Compensation & { keys: string[] }
    )
  },
  async (data, { container }) => {
    if (!data?.created) return
    const { created, replaced, keys } = data as Compensation & { keys: string[] }
    const locking = container.resolve(Modules.LOCKING)
    const undo = async () => {
      await deleteReservations(container, [created!])
      for (const hold of replaced) {
        if (!isExpired(hold)) await recreate(container, hold)
      }
    }
    await (keys.length ? locking.execute(keys, undo, { timeout: LOCK_TIMEOUT_SECONDS }) : undo())
  }
)

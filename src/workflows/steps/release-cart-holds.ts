import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { HeldReservation, HoldRecord, holdService, inventoryLockKeys, isExpired } from "../../lib/stock"

export type ReleaseCartHoldsInput = {
  /** Release these carts' holds. */
  cart_ids?: string[]
  /** Release every hold that expired at or before this time. */
  expired_at?: Date
  /**
   * With one cart: keep the reservations of variants still in the cart at
   * least at the held quantity (variant id → line quantity); the others go.
   */
  lines?: Record<string, number>
}

export type ReleasedHold = { hold: HoldRecord; released: HeldReservation[]; removed: boolean }

const LOCK_TIMEOUT_SECONDS = 30

function findHolds(input: ReleaseCartHoldsInput) {
  return (container: MedusaContainer) => {
    const filters: Record<string, unknown>[] = []
    if (input.cart_ids?.length) filters.push({ cart_id: input.cart_ids })
    if (input.expired_at) filters.push({ expires_at: { $lte: input.expired_at } })
    if (!filters.length) return Promise.resolve([] as HoldRecord[])
    return holdService(container).listInventoryHolds({ $or: filters } as any) as unknown as Promise<HoldRecord[]>
  }
}

function split(hold: HoldRecord, lines: Record<string, number> | undefined) {
  if (!lines) return { release: hold.reservations, keep: [] as HeldReservation[] }
  const release: HeldReservation[] = []
  const keep: HeldReservation[] = []
  for (const r of hold.reservations) {
    ;((lines[r.variant_id] ?? 0) >= r.variant_quantity ? keep : release).push(r)
  }
  return { release, keep }
}

/**
 * Gives held stock back: deletes the hold's Medusa reservation items and its
 * row, under the same sorted inventory-item lock as holds and orders. The
 * compensation makes the reservations again for holds still live.
 */
export const releaseCartHoldsStep = createStep(
  "release-cart-holds",
  async (input: ReleaseCartHoldsInput, { container }) => {
    const find = findHolds(input)
    const before = await find(container)
    if (!before.length) {
      return new StepResponse([] as ReleasedHold[], { released: [] as ReleasedHold[], keys: [] as string[] })
    }
    const keys = inventoryLockKeys(before.flatMap((h) => h.reservations.map((r) => r.inventory_item_id)))
    const run = async () => {
      const holds = holdService(container)
      const inventory = container.resolve(Modules.INVENTORY)
      const out: ReleasedHold[] = []
      for (const hold of await find(container)) {
        const { release, keep } = split(hold, input.cart_ids?.length === 1 ? input.lines : undefined)
        if (!release.length) continue
        await inventory.deleteReservationItems(release.map((r) => r.reservation_id))
        if (keep.length) {
          await holds.updateInventoryHolds({ id: hold.id, reservations: keep as any })
        } else {
          await holds.deleteInventoryHolds(hold.id)
        }
        out.push({ hold, released: release, removed: !keep.length })
      }
      return out
    }
    const locking = container.resolve(Modules.LOCKING)
    const released = keys.length ? await locking.execute(keys, run, { timeout: LOCK_TIMEOUT_SECONDS }) : await run()
    return new StepResponse(released, { released, keys })
  },
  async (data, { container }) => {
    if (!data?.released?.length) return
    const locking = container.resolve(Modules.LOCKING)
    const undo = async () => {
      const holds = holdService(container)
      const inventory = container.resolve(Modules.INVENTORY)
      for (const { hold, released, removed } of data.released) {
        if (isExpired(hold)) continue
        const made = await inventory.createReservationItems(
          released.map((r) => ({
            inventory_item_id: r.inventory_item_id,
            location_id: r.location_id,
            quantity: r.quantity,
            description: `Hold for cart ${hold.cart_id}`,
            metadata: { cart_id: hold.cart_id },
          }))
        )
        const back = released.map((r, i) => ({ ...r, reservation_id: made[i].id }))
        if (removed) {
          await holds.createInventoryHolds({ cart_id: hold.cart_id, expires_at: new Date(hold.expires_at), reservations: back as any })
        } else {
          const [row] = (await holds.listInventoryHolds({ cart_id: hold.cart_id })) as unknown as HoldRecord[]
          if (row) await holds.updateInventoryHolds({ id: row.id, reservations: [...row.reservations, ...back] as any })
        }
      }
    }
    await (data.keys.length ? locking.execute(data.keys, undo, { timeout: LOCK_TIMEOUT_SECONDS }) : undo())
  }
)

import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { HoldRecord, holdService, isExpired } from "../../lib/stock"
import { releaseCartHoldsWorkflow } from "../release-cart-holds"

/**
 * Called from the hooks that already exist on Medusa's cart workflows
 * (one handler per hook): jod-rounding.ts after every line change, and
 * promotion-rules.ts when a cart is completed.
 */

/** A hold covers the cart's lines only: a deleted line, or one shrunk below its hold, gives that stock back. */
export async function trimCartHold(container: MedusaContainer, cartId: string) {
  const [hold] = await holdService(container).listInventoryHolds({ cart_id: cartId })
  if (!hold) return
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: items } = await query.graph({
    entity: "line_item",
    fields: ["variant_id", "quantity"],
    filters: { cart_id: cartId },
  })
  const lines: Record<string, number> = {}
  for (const item of items) {
    if (item.variant_id) lines[item.variant_id] = (lines[item.variant_id] ?? 0) + Number(item.quantity)
  }
  await releaseCartHoldsWorkflow(container).run({ input: { cart_ids: [cartId], lines } })
}

/**
 * The holding cart's own order may use its held units: Medusa's completion
 * checks and reserves stocked − reserved, which counts the cart's own hold
 * against it, so the hold is given back just before (the order's own
 * reservations then take the units).
 */
export async function releaseHoldForOrder(container: MedusaContainer, cartId: string, variantIds: string[]) {
  await releaseExpiredHolds(container, variantIds)
  const [hold] = await holdService(container).listInventoryHolds({ cart_id: cartId })
  if (hold) {
    await releaseCartHoldsWorkflow(container).run({ input: { cart_ids: [cartId] } })
  }
}

/**
 * Medusa's own stock checks (adding to a cart, completing it) count every
 * reservation. Reads already treat an expired hold as free; before those
 * checks, expired holds on the variants are released for real.
 */
async function releaseExpiredHolds(container: MedusaContainer, variantIds: string[]) {
  const now = new Date()
  const expired = (await holdService(container).listInventoryHolds({
    expires_at: { $lte: now },
  })) as unknown as HoldRecord[]
  if (expired.some((h) => h.reservations.some((r) => variantIds.includes(r.variant_id)))) {
    await releaseCartHoldsWorkflow(container).run({ input: { expired_at: now } })
  }
}

/**
 * Before a line of these variants changes: expired holds go (as above), and
 * the cart's own hold on them is given back, since Medusa checks the whole
 * new quantity against stock that the hold itself takes. A hold covers the
 * lines as they were when it was made; the shopper holds again after a change.
 */
export async function freeStockForLineChange(container: MedusaContainer, cartId: string, variantIds: string[]) {
  await releaseExpiredHolds(container, variantIds)
  const [own] = (await holdService(container).listInventoryHolds({ cart_id: cartId })) as unknown as HoldRecord[]
  if (own && !isExpired(own) && own.reservations.some((r) => variantIds.includes(r.variant_id))) {
    const lines = Object.fromEntries(
      own.reservations.filter((r) => !variantIds.includes(r.variant_id)).map((r) => [r.variant_id, r.variant_quantity])
    )
    await releaseCartHoldsWorkflow(container).run({ input: { cart_ids: [cartId], lines } })
  }
}

import { addToCartWorkflow, updateLineItemInCartWorkflow } from "@medusajs/medusa/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sellableStock } from "../../lib/stock"
import { freeStockForLineChange } from "./inventory-holds"
import { ApiError, insufficientInventory } from "../../lib/errors"
import { maxQuantityPerLine } from "../../lib/cart-rules"

type Line = { variantId: string; quantity: number }

/**
 * The shop's line rules, checked inside Medusa's cart workflows (under the
 * workflow's cart lock, so concurrent requests see each other's lines):
 * at most CART_MAX_QUANTITY_PER_ITEM of a variant per cart (422), and no
 * more than can be sold now (409, naming the variant and what is left).
 */
async function assertLines(container: MedusaContainer, cartId: string, lines: Line[]) {
  const max = maxQuantityPerLine()
  const tooMany = lines.filter((line) => line.quantity > max)
  if (tooMany.length) {
    throw new ApiError(
      422,
      "VALIDATION_ERROR",
      `Quantity exceeds the maximum of ${max} per item`,
      tooMany.map((line) => ({
        field: "quantity",
        message: `At most ${max} of variant ${line.variantId} per cart; this would make ${line.quantity}`,
        variantId: line.variantId,
        maximum: max,
      }))
    )
  }

  await freeStockForLineChange(container, cartId, lines.map((line) => line.variantId))
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [cart],
  } = await query.graph({ entity: "cart", fields: ["sales_channel_id"], filters: { id: cartId } })
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "manage_inventory", "allow_backorder"],
    filters: { id: lines.map((line) => line.variantId) },
  })
  const tracked = variants.filter((v) => v.manage_inventory && !v.allow_backorder).map((v) => v.id)
  if (!tracked.length || !cart?.sales_channel_id) {
    return
  }
  // Hold-aware (issue 9): other carts' live holds are taken, this cart's own is not.
  const stock = await sellableStock(container, {
    variantIds: tracked,
    salesChannelId: cart.sales_channel_id,
    cartId,
  })
  const short = lines
    .filter((line) => tracked.includes(line.variantId))
    .map((line) => ({ ...line, available: Math.max(0, stock[line.variantId]?.count ?? 0) }))
    .filter((line) => line.quantity > line.available)
  if (short.length) {
    throw insufficientInventory(
      short.map((line) => ({ variantId: line.variantId, requested: line.quantity, available: line.available }))
    )
  }
}

async function currentQuantities(container: MedusaContainer, cartId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: items } = await query.graph({
    entity: "line_item",
    fields: ["id", "variant_id", "quantity"],
    filters: { cart_id: cartId },
  })
  return items
}

addToCartWorkflow.hooks.validate(async ({ input }, { container }) => {
  const existing = await currentQuantities(container, input.cart_id)
  const added = new Map<string, number>()
  for (const item of input.items ?? []) {
    if (item.variant_id) {
      added.set(item.variant_id, (added.get(item.variant_id) ?? 0) + Number(item.quantity))
    }
  }
  const lines = [...added].map(([variantId, quantity]) => ({
    variantId,
    quantity:
      quantity +
      existing
        .filter((item) => item.variant_id === variantId)
        .reduce((sum, item) => sum + Number(item.quantity), 0),
  }))
  if (lines.length) {
    await assertLines(container, input.cart_id, lines)
  }
})

updateLineItemInCartWorkflow.hooks.validate(async ({ input }, { container }) => {
  const quantity = Number(input.update.quantity)
  if (!quantity) {
    return
  }
  const items = await currentQuantities(container, input.cart_id)
  const item = items.find((i) => i.id === input.item_id)
  if (item?.variant_id) {
    await assertLines(container, input.cart_id, [{ variantId: item.variant_id, quantity }])
  }
})

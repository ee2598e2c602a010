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
async function assertLines(container: MedusaContainer, cartId: string, cart: CartLines, lines: Line[]) {
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
  if (!cart.sales_channel_id) {
    return
  }
  // Hold-aware (issue 9): other carts' live holds are taken, this cart's own is not.
  const stock = await sellableStock(container, {
    variantIds: lines.map((line) => line.variantId),
    salesChannelId: cart.sales_channel_id,
    cartId,
  })
  const short = lines
    .filter((line) => stock[line.variantId]?.manageInventory && !stock[line.variantId]?.allowBackorder)
    .map((line) => ({ ...line, available: Math.max(0, stock[line.variantId]?.count ?? 0) }))
    .filter((line) => line.quantity > line.available)
  if (short.length) {
    throw insufficientInventory(
      short.map((line) => ({ variantId: line.variantId, requested: line.quantity, available: line.available }))
    )
  }
}

type CartLines = {
  sales_channel_id?: string | null
  items?: ({ id: string; variant_id?: string | null; quantity: number | string } | null)[] | null
}

/** The cart's channel and lines, in one read. */
async function cartLines(container: MedusaContainer, cartId: string): Promise<CartLines> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [cart],
  } = await query.graph({
    entity: "cart",
    fields: ["sales_channel_id", "items.id", "items.variant_id", "items.quantity"],
    filters: { id: cartId },
  })
  return (cart as CartLines | undefined) ?? {}
}

const itemsOf = (cart: CartLines) => (cart.items ?? []).filter((item) => !!item)

addToCartWorkflow.hooks.validate(async ({ input }, { container }) => {
  const cart = await cartLines(container, input.cart_id)
  const existing = itemsOf(cart)
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
    await assertLines(container, input.cart_id, cart, lines)
  }
})

updateLineItemInCartWorkflow.hooks.validate(async ({ input }, { container }) => {
  const quantity = Number(input.update.quantity)
  if (!quantity) {
    return
  }
  const cart = await cartLines(container, input.cart_id)
  const item = itemsOf(cart).find((i) => i.id === input.item_id)
  if (item?.variant_id) {
    await assertLines(container, input.cart_id, cart, [{ variantId: item.variant_id, quantity }])
  }
})

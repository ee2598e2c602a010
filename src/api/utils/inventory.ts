import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ApiError, notFoundError } from "../../lib/errors"
import { lowStockThresholds, sellableStock } from "../../lib/stock"
import type { CartLines } from "./cart"

/** The availability answer for one variant of one product, as `cartId` (if any) sees it. */
export async function variantStock(
  scope: MedusaContainer,
  productId: string,
  variantId: string,
  salesChannelId: string,
  cartId?: string
) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [variant],
  } = await query.graph({ entity: "product_variant", fields: ["id", "product_id"], filters: { id: variantId } })
  if (!variant || variant.product_id !== productId) {
    throw notFoundError(`Variant ${variantId} of product ${productId} not found`)
  }
  const [stock, thresholds] = await Promise.all([
    sellableStock(scope, { variantIds: [variantId], salesChannelId, cartId }),
    lowStockThresholds(scope, [variantId]),
  ])
  const { count, manageInventory, allowBackorder } = stock[variantId]
  const inventoryCount = Math.max(0, count ?? 0)
  const lowStockThreshold = thresholds[variantId]
  return {
    productId,
    variantId,
    inventoryCount,
    available: !manageInventory || allowBackorder || inventoryCount > 0,
    // Only stock that runs out can run low.
    lowStock: manageInventory && !allowBackorder && inventoryCount <= lowStockThreshold,
    lowStockThreshold,
  }
}

type HoldItem = { productId: string; variantId: string; quantity: number }

/**
 * 422 for a hold item that is not a line of the cart, or asks more than the
 * line's quantity. Answers the quantities per variant to hold.
 */
export function assertItemsInCart(cart: CartLines, items: HoldItem[]) {
  const lines = new Map<string, { productId: string | null | undefined; quantity: number }>()
  for (const item of cart.items ?? []) {
    if (!item?.variant_id) continue
    const line = lines.get(item.variant_id)
    lines.set(item.variant_id, {
      productId: item.product_id,
      quantity: (line?.quantity ?? 0) + Number(item.quantity),
    })
  }
  const wanted = new Map<string, number>()
  for (const item of items) wanted.set(item.variantId, (wanted.get(item.variantId) ?? 0) + item.quantity)
  const problems = items.flatMap((item, index) => {
    const line = lines.get(item.variantId)
    if (!line || line.productId !== item.productId) {
      return [{ field: `items.${index}.variantId`, message: `Variant ${item.variantId} of product ${item.productId} is not in the cart` }]
    }
    const quantity = wanted.get(item.variantId)!
    if (quantity > line.quantity) {
      return [{ field: `items.${index}.quantity`, message: `The cart has ${line.quantity} of variant ${item.variantId}; cannot hold ${quantity}` }]
    }
    return []
  })
  if (problems.length) {
    throw new ApiError(422, "VALIDATION_ERROR", "Items do not match the cart", problems)
  }
  return [...wanted].map(([variant_id, quantity]) => ({ variant_id, quantity }))
}

import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { ApiError, validationError } from "../../../../lib/errors"
import { maxQuantityPerLine } from "../../../../lib/cart-rules"

/** 422 unless `quantity` is a whole number from 1 to the per-line maximum. */
export function assertQuantity(quantity: number) {
  const max = maxQuantityPerLine()
  if (!Number.isInteger(quantity) || quantity < 1) {
    throw new ApiError(422, "VALIDATION_ERROR", "Invalid quantity", [
      { field: "quantity", message: "Quantity must be a whole number greater than 0" },
    ])
  }
  if (quantity > max) {
    throw new ApiError(422, "VALIDATION_ERROR", "Quantity exceeds maximum allowed", [
      { field: "quantity", message: `Quantity must be at most ${max} per item` },
    ])
  }
}

/** 400 unless the variant is one of the product's and the product is published. */
export async function assertSellableVariant(
  scope: MedusaContainer,
  productId: string,
  variantId: string
) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [product],
  } = await query.graph({
    entity: "product",
    fields: ["id", "status", "variants.id"],
    filters: { id: productId },
  })
  if (!product) {
    throw validationError("Invalid product or variant ID", [
      { field: "productId", message: `Product ${productId} does not exist` },
    ])
  }
  if (!product.variants?.some((variant: { id?: string } | null) => variant?.id === variantId)) {
    throw validationError("Invalid product or variant ID", [
      { field: "variantId", message: `Variant ${variantId} is not a variant of product ${productId}` },
    ])
  }
  if (product.status !== "published") {
    throw validationError("Product is not available", [
      { field: "productId", message: `Product ${productId} is not for sale` },
    ])
  }
}

/** The region that sells in a currency (JOD → Jordan, USD → United States). */
export async function regionForCurrency(scope: MedusaContainer, currency: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: regions } = await query.graph({
    entity: "region",
    fields: ["id", "currency_code"],
    filters: { currency_code: currency.toLowerCase() },
  })
  if (!regions.length) {
    throw validationError("Unsupported currency", [
      { field: "currency", message: `The shop does not sell in ${currency.toUpperCase()}: use USD or JOD` },
    ])
  }
  return regions[0].id
}

/** A cart for a customer can only be made by that customer. */
export function assertActingAs(customerId: string | null | undefined, actorId: string | undefined) {
  if (!customerId) return
  if (!actorId) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Sign in to create a cart for a customer")
  }
  if (actorId !== customerId) {
    throw new MedusaError(MedusaError.Types.FORBIDDEN, "You can only create carts for yourself")
  }
}

/** 404 unless the item is a line of this cart. */
export function assertCartItem(cart: { items?: ({ id: string } | null)[] | null }, itemId: string) {
  if (!cart.items?.some((item) => item?.id === itemId)) {
    throw new ApiError(404, "RESOURCE_NOT_FOUND", `Cart item ${itemId} not found`)
  }
}

import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sellableStock } from "../../lib/stock"
import {
  assertCartNotCompleted,
  assertCartNotExpired,
  assertCartOwner,
  CART_ACCESS_FIELDS,
  CartAccessRecord,
  cartExpiry,
} from "../../lib/cart-access"
import { ApiError, notFoundError, validationError } from "../../lib/errors"
import { Availability, CART_TOTAL_FIELDS, CartItemRecord, CartRecord, presentCart } from "../presenters/cart"

/**
 * What a change reads before Medusa's workflow runs: who may touch the cart,
 * its lines and codes, no totals (computing those costs a cart read of every
 * relation, and the answer reads the cart again after the change anyway).
 */
export const CART_CHANGE_FIELDS = [
  ...CART_ACCESS_FIELDS,
  "region_id",
  "currency_code",
  "sales_channel_id",
  "promotions.id",
  "promotions.code",
  "items.id",
  "items.product_id",
  "items.variant_id",
  "items.quantity",
]

/** What the cart's answer reads: CART_CHANGE_FIELDS, its totals and what each line shows. */
export const CART_FIELDS = [
  ...CART_CHANGE_FIELDS,
  "updated_at",
  ...CART_TOTAL_FIELDS,
  "items.unit_price",
  "items.subtotal",
  "items.product_title",
  "items.product_handle",
  "items.thumbnail",
  "items.variant_title",
  "items.variant_sku",
  "items.created_at",
  "items.variant.manage_inventory",
  "items.variant.allow_backorder",
]

type LoadedCart = CartRecord & CartAccessRecord

export type CartLines = CartAccessRecord &
  Pick<CartRecord, "id" | "region_id" | "sales_channel_id" | "currency_code" | "promotions"> & {
    items?: (Pick<CartItemRecord, "id" | "product_id" | "variant_id" | "quantity"> | null)[] | null
  }

export type CartAccess<T extends CartAccessRecord = LoadedCart> = { cart: T; expiresAt: Date }

async function readAccessible<T extends CartAccessRecord>(
  scope: MedusaContainer,
  cartId: string,
  actorId: string | undefined,
  fields: string[]
): Promise<CartAccess<T>> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [cart],
  } = await query.graph({ entity: "cart", fields, filters: { id: cartId } })
  if (!cart) {
    throw notFoundError(`Cart ${cartId} not found`)
  }
  const loaded = cart as unknown as T
  assertCartOwner(loaded, actorId)
  assertCartNotExpired(loaded)
  return { cart: loaded, expiresAt: cartExpiry(loaded) }
}

/**
 * Loads a cart the caller may touch, with its totals: unknown → 404, then the
 * rules of src/lib/cart-access.ts (owner 401/403, expiry 410) that the cart
 * guard middleware also applies to /store.
 */
export const loadCartFor = (scope: MedusaContainer, cartId: string, actorId: string | undefined) =>
  readAccessible<LoadedCart>(scope, cartId, actorId, CART_FIELDS)

/**
 * For checkout routes, where the cart id comes in the body: an unknown cart
 * is bad input (400), not a missing resource.
 */
export async function loadCheckoutCart(scope: MedusaContainer, cartId: string, actorId: string | undefined) {
  try {
    return await loadOpenCart(scope, cartId, actorId)
  } catch (e) {
    if (ApiError.isApiError(e) && e.status === 404) {
      throw validationError("Cart not found", [{ field: "cartId", message: `Cart ${cartId} does not exist` }])
    }
    throw e
  }
}

/**
 * A cart the caller may change, without totals (CART_CHANGE_FIELDS):
 * loadCartFor's checks, and not yet ordered (409).
 */
export async function loadOpenCart(scope: MedusaContainer, cartId: string, actorId: string | undefined) {
  const access = await readAccessible<CartLines>(scope, cartId, actorId, CART_CHANGE_FIELDS)
  assertCartNotCompleted(access.cart)
  return access
}

/** Hold-aware stock as the cart sees it: its own hold counts as its own (issue 9). */
export async function cartAvailability(
  scope: MedusaContainer,
  salesChannelId: string | null,
  variantIds: string[],
  cartId?: string
): Promise<Availability> {
  if (!variantIds.length || !salesChannelId) {
    return {}
  }
  const stock = await sellableStock(scope, { variantIds, salesChannelId, cartId })
  return Object.fromEntries(Object.entries(stock).map(([id, s]) => [id, s.count]))
}

/** The discount codes on a cart. */
export const cartCodes = (cart: { promotions?: ({ code?: string | null } | null)[] | null }) =>
  (cart.promotions ?? []).flatMap((p) => (p?.code ? [p.code] : []))

/**
 * Medusa drops a code once the cart falls below its minimum (the promotion
 * rule of src/lib/discount-rules.ts); this tells the shopper when it did.
 */
export function messageWithDroppedCodes(before: string[], after: string[], message: string) {
  const dropped = before.filter((code) => !after.includes(code))
  return dropped.length
    ? `${message}. Discount code ${dropped.join(", ")} was removed: the order is below its minimum amount`
    : message
}

/** Reads the cart again and answers it in the contract shape, with the codes it now carries. */
export async function readCartAnswer(scope: MedusaContainer, cartId: string, actorId?: string) {
  const access = await loadCartFor(scope, cartId, actorId)
  const variantIds = (access.cart.items ?? [])
    .map((item) => item?.variant_id)
    .filter((id): id is string => !!id)
  const availability = await cartAvailability(scope, access.cart.sales_channel_id, variantIds, cartId)
  return { data: presentCart(access.cart, access.expiresAt, availability), codes: cartCodes(access.cart) }
}

/** Reads the cart again and answers it in the contract shape. */
export async function presentCartById(scope: MedusaContainer, cartId: string, actorId?: string) {
  return (await readCartAnswer(scope, cartId, actorId)).data
}

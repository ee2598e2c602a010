import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  getVariantAvailability,
  MedusaError,
  Modules,
} from "@medusajs/framework/utils"
import { cartExpiresAt } from "../../lib/cart-rules"
import { ApiError, notFoundError, validationError } from "../../lib/errors"
import { Availability, CART_TOTAL_FIELDS, CartRecord, presentCart } from "../presenters/cart"
import { dropCodesBelowMinimum } from "./discount"

export const CART_FIELDS = [
  "id",
  "region_id",
  "currency_code",
  "customer_id",
  "sales_channel_id",
  "created_at",
  "updated_at",
  "completed_at",
  ...CART_TOTAL_FIELDS,
  "promotions.id",
  "promotions.code",
  "cart_expiry.expires_at",
  "items.id",
  "items.product_id",
  "items.variant_id",
  "items.quantity",
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

type LoadedCart = CartRecord & { cart_expiry?: { expires_at?: Date | string } | null }

export type CartAccess = { cart: LoadedCart; expiresAt: Date }

/**
 * Loads a cart the caller may touch: unknown → 404; a customer's cart read
 * without a token → 401, by another customer → 403; past its expiry (and
 * not ordered) → 410.
 */
export async function loadCartFor(
  scope: MedusaContainer,
  cartId: string,
  actorId: string | undefined
): Promise<CartAccess> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [cart],
  } = await query.graph({ entity: "cart", fields: CART_FIELDS, filters: { id: cartId } })
  if (!cart) {
    throw notFoundError(`Cart ${cartId} not found`)
  }
  const loaded = cart as unknown as LoadedCart
  if (loaded.customer_id && loaded.customer_id !== actorId) {
    throw actorId
      ? new MedusaError(MedusaError.Types.FORBIDDEN, "This cart belongs to another customer")
      : new MedusaError(MedusaError.Types.UNAUTHORIZED, "Sign in as the cart's customer to use it")
  }
  const expiresAt = loaded.cart_expiry?.expires_at
    ? new Date(loaded.cart_expiry.expires_at)
    : cartExpiresAt(loaded.created_at)
  if (!loaded.completed_at && expiresAt.getTime() <= Date.now()) {
    throw new ApiError(410, "GONE", `Cart ${cartId} expired at ${expiresAt.toISOString()}`)
  }
  return { cart: loaded, expiresAt }
}

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

/** A cart the caller may change: loadCartFor's checks, and not yet ordered (409). */
export async function loadOpenCart(scope: MedusaContainer, cartId: string, actorId: string | undefined) {
  const access = await loadCartFor(scope, cartId, actorId)
  if (access.cart.completed_at) {
    throw new MedusaError(MedusaError.Types.CONFLICT, `Cart ${cartId} is already completed`)
  }
  return access
}

export async function cartAvailability(
  scope: MedusaContainer,
  salesChannelId: string | null,
  variantIds: string[]
): Promise<Availability> {
  if (!variantIds.length || !salesChannelId) {
    return {}
  }
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const result = await getVariantAvailability(query, {
    variant_ids: variantIds,
    sales_channel_id: salesChannelId,
  })
  return Object.fromEntries(Object.entries(result).map(([id, a]) => [id, a.availability]))
}

/**
 * After a cart lost items: drops discount codes whose minimum it no longer
 * reaches, and says so in the answer's message.
 */
export async function revalidateDiscounts(
  scope: MedusaContainer,
  cartId: string,
  actorId: string | undefined,
  message: string
) {
  const { cart } = await loadCartFor(scope, cartId, actorId)
  const dropped = await dropCodesBelowMinimum(scope, cart)
  return dropped ? `${message}. ${dropped}` : message
}

/** Reads the cart again and answers it in the contract shape. */
export async function presentCartById(scope: MedusaContainer, cartId: string, actorId?: string) {
  const access = await loadCartFor(scope, cartId, actorId)
  const variantIds = (access.cart.items ?? [])
    .map((item) => item?.variant_id)
    .filter((id): id is string => !!id)
  const availability = await cartAvailability(scope, access.cart.sales_channel_id, variantIds)
  return presentCart(access.cart, access.expiresAt, availability)
}

/**
 * Serialises this API's changes to one cart. Medusa's cart workflows hold
 * their own lock for at most 2 s; queueing here first means a burst of
 * requests on one cart waits its turn instead of failing on that timeout.
 */
export function withCartLock<T>(scope: MedusaContainer, cartId: string, job: () => Promise<T>) {
  const locking = scope.resolve(Modules.LOCKING)
  return locking.execute(`api-v1-cart:${cartId}`, job, { timeout: 30 })
}

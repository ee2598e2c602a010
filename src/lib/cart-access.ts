import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { cartExpiresAt } from "./cart-rules"
import { ApiError } from "./errors"

/**
 * Who may use a cart, and when: the same answers on /api/v1 and /store.
 * A cart of a customer with an account is that customer's alone; a guest
 * customer record (Medusa attaches one when a guest gives an email) never
 * locks the guest out. An unordered cart past its expiry is gone (410); an
 * ordered cart can no longer change (409).
 */

export const CART_ACCESS_FIELDS = [
  "id",
  "customer_id",
  "customer.has_account",
  "created_at",
  "completed_at",
  "cart_expiry.expires_at",
]

export type CartAccessRecord = {
  id: string
  customer_id?: string | null
  customer?: { has_account?: boolean | null } | null
  created_at: Date | string
  completed_at?: Date | string | null
  cart_expiry?: { expires_at?: Date | string | null } | null
}

/** Changes to one cart, from either API, wait behind this Locking-module key. */
export const cartQueueKey = (cartId: string) => `cart-queue:${cartId}`

export async function findCartAccess(scope: MedusaContainer, cartId: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [cart],
  } = await query.graph({ entity: "cart", fields: CART_ACCESS_FIELDS, filters: { id: cartId } })
  return cart as unknown as CartAccessRecord | undefined
}

export function cartExpiry(cart: CartAccessRecord): Date {
  return cart.cart_expiry?.expires_at ? new Date(cart.cart_expiry.expires_at) : cartExpiresAt(cart.created_at)
}

/** The customer a cart belongs to, if it belongs to an account at all. */
export const cartOwner = (cart: CartAccessRecord) =>
  cart.customer_id && cart.customer?.has_account ? cart.customer_id : undefined

/** 401 without a token, 403 with another customer's, for a cart of a customer with an account. */
export function assertCartOwner(cart: CartAccessRecord, actorId: string | undefined) {
  const owner = cartOwner(cart)
  if (owner && owner !== actorId) {
    throw actorId
      ? new MedusaError(MedusaError.Types.FORBIDDEN, "This cart belongs to another customer")
      : new MedusaError(MedusaError.Types.UNAUTHORIZED, "Sign in as the cart's customer to use it")
  }
}

/** 410 for an unordered cart past its expiry. */
export function assertCartNotExpired(cart: CartAccessRecord, now = Date.now()) {
  const expiresAt = cartExpiry(cart)
  if (!cart.completed_at && expiresAt.getTime() <= now) {
    throw new ApiError(410, "GONE", `Cart ${cart.id} expired at ${expiresAt.toISOString()}`)
  }
}

/** 409 for a cart that has become an order. */
export function assertCartNotCompleted(cart: CartAccessRecord) {
  if (cart.completed_at) {
    throw new ApiError(409, "CONFLICT", `Cart ${cart.id} is already completed`)
  }
}

import { lockLease } from "../../lib/locks"
import { finished } from "node:stream"
import type {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { ApiError } from "../../lib/errors"
import {
  assertCartNotCompleted,
  assertCartNotExpired,
  assertCartOwner,
  cartQueueKey,
  findCartAccess,
} from "../../lib/cart-access"

/** Where a route carries the cart id. */
export type CartIdSource = (req: MedusaRequest) => unknown | Promise<unknown>

export const fromParam = (name: string): CartIdSource => (req) => req.params?.[name]
export const fromBody = (name: string): CartIdSource => (req) => (req.body as Record<string, unknown>)?.[name]
export const fromQuery = (name: string): CartIdSource => (req) => req.query?.[name]

/** The cart a payment collection was made for. */
export const fromPaymentCollection =
  (name: string): CartIdSource =>
  async (req) => {
    const id = req.params?.[name]
    if (typeof id !== "string" || !id) return undefined
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "cart_payment_collection",
      fields: ["cart_id"],
      filters: { payment_collection_id: id },
    })
    return data[0]?.cart_id
  }

type GuardOptions = {
  /** Completing an ordered cart again answers its order (Medusa's idempotency); everything else is 409. */
  allowCompleted?: boolean
}

// A request waits this long for the cart's earlier changes before a 409.
const QUEUE_WAIT_SECONDS = 30
const READS = new Set(["GET", "HEAD", "OPTIONS"])

const actorOf = (req: MedusaRequest) => {
  const auth = (req as AuthenticatedMedusaRequest).auth_context
  return auth?.actor_type === "customer" && auth.actor_id ? auth.actor_id : undefined
}

// The carts this guard let through, per request: a route need not read one again to check it.
const passed = new WeakMap<MedusaRequest, string>()

/** True when the guard found this cart and let the request through on all of its checks for a change. */
export const passedCartGuard = (req: MedusaRequest, cartId: string) => passed.get(req) === cartId

async function check(req: MedusaRequest, cartId: string, write: boolean, options: GuardOptions) {
  const cart = await findCartAccess(req.scope, cartId)
  if (!cart) {
    // Unknown carts are each route's to answer (404 on a path, 400 in a body).
    return
  }
  assertCartOwner(cart, actorOf(req))
  assertCartNotExpired(cart)
  if (write && !options.allowCompleted) {
    assertCartNotCompleted(cart)
    passed.set(req, cartId)
  }
}

/**
 * The cart rules every route that names a cart passes through, on /store and
 * /api/v1 alike: ownership (401/403), expiry (410) and, for changes, not yet
 * ordered (409). Changes to one cart also queue here, behind one
 * Locking-module key for the whole request, so parallel changes from either
 * API run one after another instead of failing on Medusa's 2-second
 * workflow locks; one that waits too long answers 409.
 */
export function cartGuard(source: CartIdSource, options: GuardOptions = {}) {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    let cartId: unknown
    try {
      cartId = await source(req)
    } catch (e) {
      return next(e)
    }
    if (typeof cartId !== "string" || !cartId) {
      return next()
    }
    if (READS.has(req.method)) {
      return check(req, cartId, false, options).then(() => next(), next)
    }
    let entered = false
    const locking = req.scope.resolve(Modules.LOCKING)
    locking
      .execute(
        cartQueueKey(cartId),
        async () => {
          entered = true
          try {
            await check(req, cartId, true, options)
          } catch (e) {
            return next(e)
          }
          const done = new Promise<void>((resolve) => finished(res, () => resolve()))
          next()
          await done
        },
        { timeout: QUEUE_WAIT_SECONDS, ...lockLease() }
      )
      .catch((e: unknown) => {
        if (!entered) {
          return next(
            new ApiError(409, "CONFLICT", "This cart is busy with other changes; try again in a moment"
            )
          )
        }
        req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`cart queue for ${cartId}: ${(e as Error).message}`)
      })
  }
}

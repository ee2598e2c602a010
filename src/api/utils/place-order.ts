import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, getVariantAvailability, MedusaError } from "@medusajs/framework/utils"
import {
  listShippingOptionsForCartWithPricingWorkflow,
  updateCartWorkflow,
} from "@medusajs/medusa/core-flows"
import { ApiError, insufficientInventory, ShortLine, validationError } from "../../lib/errors"
import type { PaymentMethod } from "../../lib/order-status"
import { isStripeConfigured, STRIPE_PROVIDER_ID } from "../../lib/stripe"
import { shippingMethod, ShippingMethodCode } from "../../lib/shipping-methods"
import type { PricedOption } from "../presenters/shipping"

/** Medusa payment provider of cash on delivery (src/modules/cod-payment). */
export const COD_PROVIDER_ID = "pp_cod_cod"

const unprocessable = (field: string, message: string) =>
  new ApiError(422, "VALIDATION_ERROR", message, [{ field, message }])

/** 400 when the body names a customer other than the caller or the cart's. */
export function assertCustomerMatches(
  customerId: string | undefined,
  actorId: string | undefined,
  cartCustomerId: string | null | undefined,
  cartHasAccount: boolean
) {
  if (!customerId) return
  if (customerId !== actorId || (cartHasAccount && cartCustomerId !== customerId)) {
    throw validationError("Customer mismatch", [
      { field: "customerId", message: "customerId must be the signed-in customer who owns the cart" },
    ])
  }
}

/** The payment provider for a method in the cart's country; 422 where it is not offered. */
export function paymentProviderFor(method: PaymentMethod, country: string) {
  if (method === "cash_on_delivery") {
    if (country.toLowerCase() !== "jo") {
      throw unprocessable("paymentMethod", "Cash on delivery is only offered in Jordan")
    }
    return COD_PROVIDER_ID
  }
  if (!isStripeConfigured()) {
    throw unprocessable("paymentMethod", "Card payments are not offered by this shop: use cash_on_delivery")
  }
  return STRIPE_PROVIDER_ID
}

export type CheckoutDetails = {
  email: string
  shipping_address: Record<string, unknown>
  billing_address: Record<string, unknown>
  metadata?: Record<string, unknown>
}

/**
 * Gives the cart the buyer's email and addresses (one cart update: each
 * update re-prices, re-taxes and re-promotes the cart) and picks the
 * shipping option of the chosen method, priced for that address: 422 when
 * the governorate does not offer it (same day outside Amman).
 */
export async function pickShippingOption(
  scope: MedusaContainer,
  cartId: string,
  details: CheckoutDetails,
  method: ShippingMethodCode,
  governorate?: { code: string; name: string }
) {
  await updateCartWorkflow(scope).run({ input: { id: cartId, ...details } })
  const { result } = await listShippingOptionsForCartWithPricingWorkflow(scope).run({
    input: { cart_id: cartId, is_return: false },
  })
  const option = (result as PricedOption[]).find((o) => (o.data?.method ?? null) === method)
  const rule = governorate ? option?.data?.rules?.[governorate.code] : undefined
  if (!option || option.amount == null || (rule && !rule.available)) {
    const name = shippingMethod(method)?.name ?? method
    throw unprocessable(
      "shippingMethod",
      `${name} is not available for ${governorate ? `${governorate.name} (${governorate.code})` : "this address"}`
    )
  }
  return option.id
}

// Lines with at least this many units to spare after the cart's need do not queue.
const PLENTY = 20

type StockLine = {
  variant_id?: string | null
  quantity?: unknown
  variant?: {
    manage_inventory?: boolean | null
    allow_backorder?: boolean | null
    inventory_items?: ({ inventory_item_id?: string } | null)[] | null
  } | null
}

/**
 * What stock says about a cart's checkout, from one read of its lines:
 * - `short`: the lines stock cannot cover now, for a 409 that names them;
 * - `queueKeys`: lock keys of the scarce stock the checkout reserves
 *   (inventory items of lines with fewer than PLENTY units to spare). Ours,
 *   not Medusa's own keys: Medusa's reservation step takes those itself and
 *   gives up after 5 seconds, so checkouts that compete for the last units
 *   queue here first, with a longer patience, and each sees what the one
 *   before it left. Plentiful stock does not queue: those checkouts run side
 *   by side.
 */
export async function cartStock(scope: MedusaContainer, cartId: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [cart],
  } = await query.graph({
    entity: "cart",
    fields: [
      "sales_channel_id",
      "items.variant_id",
      "items.quantity",
      "items.variant.manage_inventory",
      "items.variant.allow_backorder",
      "items.variant.inventory_items.inventory_item_id",
    ],
    filters: { id: cartId },
  })
  const lines = ((cart?.items ?? []) as (StockLine | null)[]).filter(
    (item): item is StockLine & { variant_id: string } =>
      !!item?.variant_id && !!item.variant?.manage_inventory && !item.variant?.allow_backorder
  )
  if (!lines.length || !cart?.sales_channel_id) return { short: [] as ShortLine[], queueKeys: [] as string[] }
  const availability = await getVariantAvailability(query, {
    variant_ids: lines.map((line) => line.variant_id),
    sales_channel_id: cart.sales_channel_id,
  })
  const left = (line: StockLine & { variant_id: string }) => availability[line.variant_id]?.availability ?? 0
  const short = lines
    .map((line) => ({ variantId: line.variant_id, requested: Number(line.quantity), available: Math.max(0, left(line)) }))
    .filter((line) => line.requested > line.available)
  const ids = lines
    .filter((line) => left(line) - Number(line.quantity) < PLENTY)
    .flatMap((line) => (line.variant!.inventory_items ?? []).map((link) => link?.inventory_item_id))
    .filter((id): id is string => !!id)
  return { short, queueKeys: [...new Set(ids)].sort().map((id) => `checkout-stock:${id}`) }
}

/** The cart's lines that stock cannot cover now, for a 409 that names them. */
export const shortLines = async (scope: MedusaContainer, cartId: string) => (await cartStock(scope, cartId)).short

export const inventoryError = (lines: ShortLine[]) => insufficientInventory(lines)

/** True for the errors Medusa's stock checks and reservations raise. */
export const isStockError = (e: unknown) =>
  MedusaError.isMedusaError(e) && /inventory|stock|quantity/i.test((e as Error).message)

/**
 * True when Medusa's reserveInventoryStep gave up waiting for the inventory
 * item's lock: it calls locking.execute with the provider's default 5 s and no
 * way to pass more, so a storm of checkouts on one variant queues longer than
 * that. @medusajs/locking throws a plain Error with this message; the
 * workflow engine rethrows it serialized (a plain object, not an Error).
 */
export const isReservationQueueTimeout = (e: unknown) =>
  typeof e === "object" && e !== null && (e as { message?: unknown }).message === "Timed-out acquiring lock."

import { lockLease } from "../../../../lib/locks"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { ApiError, validationError } from "../../../../lib/errors"
import { ensureGuestCustomerWorkflow } from "../../../../workflows/ensure-guest-customer"
import { placeOrderWorkflow } from "../../../../workflows/place-order"
import { presentOrder } from "../../../presenters/order"
import { loadCheckoutCart } from "../../../utils/cart"
import { medusaAddress, toCartAddress } from "../../../utils/checkout-address"
import { loadOrders, presentOrderFor } from "../../../utils/order"
import { pagination } from "../../../utils/pagination"
import {
  assertCustomerMatches,
  cartStock,
  inventoryError,
  isReservationQueueTimeout,
  isStockError,
  paymentProviderFor,
  pickShippingOption,
  shortLines,
} from "../../../utils/place-order"
import type { CreateOrderBody, ListOrdersQuery } from "./validators"

// Tries at Medusa's reservation queue while stock remains (each waits up to its 5 s).
const RESERVATION_ATTEMPTS = 3
// How long a checkout waits behind others of the same products.
const CHECKOUT_QUEUE_SECONDS = 120

const checkoutBusy = () => new ApiError(409, "CONFLICT", "Checkout is busy for these products; try again in a moment")

/** The signed-in customer's orders, newest first; `number` finds one by its SKN number. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { page, limit, number } = req.validatedQuery as ListOrdersQuery
  const { orders, count, holidays } = await loadOrders(
    req.scope,
    { customer_id: req.auth_context.actor_id, ...(number ? { custom_display_id: number } : {}) },
    { skip: (page - 1) * limit, take: limit }
  )
  res.json({ data: orders.map((order) => presentOrder(order, holidays)), pagination: pagination(page, limit, count) })
}

/**
 * Places an order from a cart (the cart guard has checked owner, expiry and
 * that it is not ordered yet, and queued this request behind the cart's
 * other changes): address, delivery method, payment, then Medusa's checkout.
 */
export async function POST(req: AuthenticatedMedusaRequest<CreateOrderBody>, res: MedusaResponse) {
  const body = req.validatedBody
  const actorId = req.auth_context?.actor_id
  const { cart } = await loadCheckoutCart(req.scope, body.cartId, actorId)
  assertCustomerMatches(body.customerId, actorId, cart.customer_id, !!cart.customer?.has_account)
  if (!cart.items?.some(Boolean)) {
    throw validationError("Invalid cart", [{ field: "cartId", message: "The cart has no items" }])
  }
  if (body.shippingAddress.country.toLowerCase() === "jo" && !body.shippingAddress.governorate) {
    throw new ApiError(422, "VALIDATION_ERROR", "Invalid address", [
      { field: "shippingAddress.governorate", message: "shippingAddress.governorate is required in Jordan" },
    ])
  }
  const { governorate, address: shipping } = await toCartAddress(req.scope, cart.region_id!, body.shippingAddress)
  const providerId = paymentProviderFor(body.paymentMethod, body.shippingAddress.country)
  const billing = body.billingAddress === "same" ? shipping : medusaAddress(body.billingAddress)
  const stock = await cartStock(req.scope, cart.id)
  if (stock.short.length) {
    throw inventoryError(stock.short)
  }
  // Before the cart is given the email: Medusa's cart update finds or creates the customer of it.
  await ensureGuestCustomerWorkflow(req.scope).run({ input: { email: body.shippingAddress.email } })
  const details = {
    email: body.shippingAddress.email,
    shipping_address: shipping,
    billing_address: billing,
    metadata: body.notes ? { notes: body.notes } : undefined,
  }
  const optionId = await pickShippingOption(req.scope, cart.id, details, body.shippingMethod, governorate)

  const place = async (queued: boolean) => {
    if (queued) {
      // Checked again in the queue: the checkouts before this one may have taken the stock.
      const left = await shortLines(req.scope, cart.id)
      if (left.length) throw inventoryError(left)
    }
    // A checkout that timed out in Medusa's reservation queue (e.g. behind
    // /store checkouts) was rolled back whole: answer the stock left, or try again.
    for (let attempt = 1; ; attempt++) {
      try {
        const { result } = await placeOrderWorkflow(req.scope).run({
          input: {
            cart_id: cart.id,
            shipping_option_id: optionId,
            provider_id: providerId,
            customer_id: cart.customer?.has_account ? cart.customer_id ?? undefined : undefined,
          },
        })
        return result.id as string
      } catch (e) {
        const busy = isReservationQueueTimeout(e)
        const lines = isStockError(e) || busy ? await shortLines(req.scope, cart.id) : []
        if (lines.length) throw inventoryError(lines)
        if (!busy) throw e
        if (attempt >= RESERVATION_ATTEMPTS) throw checkoutBusy()
      }
    }
  }
  // Checkouts competing for the last units run one after another: each sees what the previous left.
  const keys = stock.queueKeys
  const orderId = keys.length
    ? await req.scope
        .resolve(Modules.LOCKING)
        .execute(keys, () => place(true), { timeout: CHECKOUT_QUEUE_SECONDS, ...lockLease() })
        .catch((e: unknown) => {
          throw isReservationQueueTimeout(e) ? checkoutBusy() : e
        })
    : await place(false)
  res.status(201).json({
    data: await presentOrderFor(req.scope, orderId, actorId),
    message: "Order created successfully",
  })
}

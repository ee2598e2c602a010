import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { ApiError, validationError } from "../../../../../../lib/errors"
import { orderPaymentLockKey } from "../../../../../../lib/order-payment-timeout"
import { confirmCashOnDeliveryWorkflow } from "../../../../../../workflows/confirm-cash-on-delivery"
import { payOrderByCardWorkflow } from "../../../../../../workflows/pay-order-by-card"
import { presentOrder } from "../../../../../presenters/order"
import { cardSessionOf } from "../../../../../utils/card-payment"
import { loadOrderFor, presentOrderFor } from "../../../../../utils/order"
import type { PayOrderBody } from "../../validators"

type Order = ReturnType<typeof presentOrder>

const methodName = (order: Order) => (order.paymentMethod === "stripe" ? "card" : "cash-on-delivery")

/** 400 when the order is paid another way; 409 when it is cancelled or paid already. */
function assertPayable(order: Order, method: PayOrderBody["paymentMethod"]) {
  if (order.paymentMethod !== method) {
    throw validationError(`Not a ${method === "stripe" ? "card" : "cash-on-delivery"} order`, [
      { field: "paymentMethod", message: `Order ${order.orderNumber} is paid by ${methodName(order)}` },
    ])
  }
  if (order.status === "cancelled" || order.paymentStatus === "paid" || order.paymentStatus === "refunded") {
    throw new ApiError(409, "CONFLICT", `Order ${order.orderNumber} is already ${order.status === "cancelled" ? "cancelled" : order.paymentStatus}`)
  }
}

/**
 * Pays an order. Cash on delivery: the shopper confirms the order (status
 * `confirmed`, payment `pending` until the merchant captures the cash in
 * Admin on delivery). Card: the order's PaymentIntent is confirmed with the
 * shopper's card; a 3-D Secure challenge answers 200 with the client secret,
 * a declined card 402.
 */
export async function POST(req: AuthenticatedMedusaRequest<PayOrderBody>, res: MedusaResponse) {
  const orderId = req.params.id
  const actorId = req.auth_context?.actor_id
  const body = req.validatedBody
  // One payment at a time per order (the Stripe webhook takes the same lock).
  const answer = await req.scope.resolve(Modules.LOCKING).execute(orderPaymentLockKey(orderId), async () => {
    const { order: record, holidays } = await loadOrderFor(req.scope, orderId, actorId)
    const order = presentOrder(record, holidays)
    if (body.paymentMethod === "cash_on_delivery") {
      assertPayable(order, "cash_on_delivery")
      if (order.status !== "pending") {
        throw new ApiError(409, "CONFLICT", `Order ${order.orderNumber} is already ${order.status}`)
      }
      await confirmCashOnDeliveryWorkflow(req.scope).run({
        input: { order_id: orderId, confirmed_at: new Date().toISOString() },
      })
      return { message: "Order confirmed for cash on delivery" }
    }
    assertPayable(order, "stripe")
    if (body.savePaymentMethod && !actorId) {
      throw validationError("Cannot save the card", [
        { field: "savePaymentMethod", message: "Saving a card needs a signed-in customer" },
      ])
    }
    const { session_id, intent_id } = await cardSessionOf(req.scope, orderId)
    const key = req.get("idempotency-key")
    const { result } = await payOrderByCardWorkflow(req.scope).run({
      input: {
        intent_id,
        payment_session_id: session_id,
        amount_minor: order.total,
        metadata: { order_id: orderId, order_number: order.orderNumber ?? "", email: order.shippingAddress?.email ?? "" },
        payment_method_id: body.paymentMethodId,
        save_payment_method: !!body.savePaymentMethod,
        idempotency_key: key ? `pay:${orderId}:${key}` : undefined,
        attempted_at: new Date().toISOString(),
      },
    })
    if (result.declined) {
      const { code, decline_code, message } = result.declined
      throw new ApiError(402, "PAYMENT_ERROR", "Your card was declined", [
        { field: "paymentMethodId", message: message.slice(0, 200), code, declineCode: decline_code },
      ])
    }
    const { id, client_secret, status } = result.intent
    return { paymentIntent: { id, clientSecret: client_secret, status } }
  })
  const order = await presentOrderFor(req.scope, orderId, actorId)
  if ("message" in answer) {
    res.json({ data: { order }, message: answer.message })
    return
  }
  res.json({
    data: { paymentIntent: answer.paymentIntent, order },
    message: answer.paymentIntent.status === "requires_action" ? "Card authentication required" : "Payment submitted",
  })
}

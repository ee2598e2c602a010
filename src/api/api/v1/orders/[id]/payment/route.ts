import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { ApiError, validationError } from "../../../../../../lib/errors"
import { confirmCashOnDeliveryWorkflow } from "../../../../../../workflows/confirm-cash-on-delivery"
import { presentOrder } from "../../../../../presenters/order"
import { loadOrderFor, presentOrderFor } from "../../../../../utils/order"
import type { PayOrderBody } from "../../validators"

/**
 * Pays an order. Cash on delivery: the shopper confirms the order (status
 * `confirmed`, payment `pending` until the merchant captures the cash in
 * Admin on delivery). Card payments come with the Stripe issue.
 */
export async function POST(req: AuthenticatedMedusaRequest<PayOrderBody>, res: MedusaResponse) {
  const orderId = req.params.id
  const actorId = req.auth_context?.actor_id
  const body = req.validatedBody
  if (body.paymentMethod === "stripe") {
    throw new ApiError(422, "VALIDATION_ERROR", "Card payments are not available yet", [
      { field: "paymentMethod", message: "Card payments are not available yet: use cash_on_delivery" },
    ])
  }
  // One confirmation at a time per order, so a second one sees the first.
  await req.scope.resolve(Modules.LOCKING).execute(`order-payment:${orderId}`, async () => {
    const { order: record, holidays } = await loadOrderFor(req.scope, orderId, actorId)
    const order = presentOrder(record, holidays)
    if (order.paymentMethod !== "cash_on_delivery") {
      throw validationError("Not a cash-on-delivery order", [
        { field: "paymentMethod", message: `Order ${order.orderNumber} is not paid by cash on delivery` },
      ])
    }
    if (order.status !== "pending" || order.paymentStatus !== "pending") {
      throw new ApiError(409, "CONFLICT", `Order ${order.orderNumber} is already ${order.status === "pending" ? order.paymentStatus : order.status}`)
    }
    await confirmCashOnDeliveryWorkflow(req.scope).run({
      input: { order_id: orderId, confirmed_at: new Date().toISOString() },
    })
  })
  res.json({
    data: await presentOrderFor(req.scope, orderId, actorId),
    message: "Order confirmed for cash on delivery",
  })
}

import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { refreshPaymentCollectionForCartWorkflow } from "@medusajs/medusa/core-flows"
import type { CartIdSource } from "./cart-guard"

/**
 * Before a payment session is made or a cart completed, the payment
 * collection must ask for the cart's total. Medusa's promotion workflow
 * refreshes the collection from the total it read before the shop's JOD
 * rounding ran, so after a code change the collection can ask for up to
 * 9 fils more than the cart; refreshing it here makes it ask for the total
 * (and drops sessions made for another amount, as Medusa does). Runs after
 * the cart guard, inside the cart's queue.
 */
export function alignPaymentAmount(source: CartIdSource) {
  return async (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    try {
      const cartId = await source(req)
      if (typeof cartId === "string" && cartId) {
        const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
        const {
          data: [cart],
        } = await query.graph({
          entity: "cart",
          fields: ["id", "total", "completed_at", "payment_collection.amount"],
          filters: { id: cartId },
        })
        const amount = cart?.payment_collection?.amount
        if (cart && !cart.completed_at && amount != null && !MathBN.eq(amount, cart.total ?? 0)) {
          await refreshPaymentCollectionForCartWorkflow(req.scope).run({ input: { cart_id: cartId } })
        }
      }
      next()
    } catch (e) {
      next(e)
    }
  }
}

import {
  deleteLineItemsWorkflow,
  updateCartPromotionsWorkflow,
} from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PromotionActions } from "@medusajs/framework/utils"

export type ClearCartWorkflowInput = {
  cart_id: string
  item_ids: string[]
  has_promotions: boolean
}

export const clearCartWorkflowId = "clear-cart"

/** Empties a cart: removes every line and the applied discount codes; the cart stays usable. */
export const clearCartWorkflow = createWorkflow(
  clearCartWorkflowId,
  (input: ClearCartWorkflowInput) => {
    when("remove-discount-codes", { input }, ({ input }) => input.has_promotions).then(() => {
      updateCartPromotionsWorkflow.runAsStep({
        input: transform({ input }, ({ input }) => ({
          cart_id: input.cart_id,
          promo_codes: [],
          action: PromotionActions.REPLACE,
        })),
      })
    })
    when("remove-line-items", { input }, ({ input }) => input.item_ids.length > 0).then(() => {
      deleteLineItemsWorkflow.runAsStep({
        input: transform({ input }, ({ input }) => ({ cart_id: input.cart_id, ids: input.item_ids })),
      })
    })
    return new WorkflowResponse({ cart_id: input.cart_id })
  }
)

import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteCartExpiriesStep } from "./steps/delete-cart-expiries"
import { deleteCartsStep } from "./steps/delete-carts"
import { findExpiredCartsStep } from "./steps/find-expired-carts"
import { releaseCartHoldsStep } from "./steps/release-cart-holds"

export type RemoveExpiredCartsInput = { now: Date; limit?: number }

export const removeExpiredCartsWorkflowId = "remove-expired-carts"

/** Removes carts past their expiry that were never ordered (a batch per run). */
export const removeExpiredCartsWorkflow = createWorkflow(
  removeExpiredCartsWorkflowId,
  (input: RemoveExpiredCartsInput) => {
    const found = findExpiredCartsStep(
      transform({ input }, ({ input }) => ({ now: input.now, limit: input.limit ?? 500 }))
    )
    // Their holds go first: a deleted cart's reservations would otherwise wait for their expiry.
    releaseCartHoldsStep(transform({ found }, ({ found }) => ({ cart_ids: found.cart_ids })))
    const removed = deleteCartsStep(found.cart_ids)
    deleteCartExpiriesStep(found.expiry_ids)
    return new WorkflowResponse({ removed_cart_ids: removed })
  }
)

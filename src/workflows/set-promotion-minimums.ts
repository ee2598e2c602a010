import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SetPromotionMinimumsInput, setPromotionMinimumsStep } from "./steps/set-promotion-minimums"
import { syncMinimumRuleStep } from "./steps/sync-minimum-rule"

export const setPromotionMinimumsWorkflowId = "set-promotion-minimums-workflow"

/**
 * Sets the minimum item subtotal per currency a promotion requires (Medusa's
 * promotions have none) and the promotion rule through which Medusa's own
 * engine applies it.
 */
export const setPromotionMinimumsWorkflow = createWorkflow(
  setPromotionMinimumsWorkflowId,
  (input: SetPromotionMinimumsInput) => {
    const minimums = setPromotionMinimumsStep(input)
    syncMinimumRuleStep(
      transform({ input }, ({ input }) => ({
        promotion_id: input.promotion_id,
        has_minimum: input.minimums.length > 0,
      }))
    )
    return new WorkflowResponse(minimums)
  }
)

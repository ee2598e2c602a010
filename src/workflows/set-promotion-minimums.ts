import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SetPromotionMinimumsInput, setPromotionMinimumsStep } from "./steps/set-promotion-minimums"

export const setPromotionMinimumsWorkflowId = "set-promotion-minimums-workflow"

/** Sets the minimum item subtotal per currency a promotion requires (Medusa's promotions have none). */
export const setPromotionMinimumsWorkflow = createWorkflow(
  setPromotionMinimumsWorkflowId,
  (input: SetPromotionMinimumsInput) => new WorkflowResponse(setPromotionMinimumsStep(input))
)

import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { setLowStockThresholdStep, SetLowStockThresholdInput } from "./steps/set-low-stock-threshold"

export const setLowStockThresholdWorkflowId = "set-low-stock-threshold"

/** The merchant's low-stock threshold for one variant. */
export const setLowStockThresholdWorkflow = createWorkflow(
  setLowStockThresholdWorkflowId,
  (input: SetLowStockThresholdInput) => new WorkflowResponse(setLowStockThresholdStep(input))
)

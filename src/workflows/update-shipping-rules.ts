import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { syncJordanShippingOptionsStep } from "./steps/sync-jordan-shipping-options"
import { ShippingRuleUpdate, updateShippingRulesStep } from "./steps/update-shipping-rules"

export type UpdateShippingRulesInput = { updates: ShippingRuleUpdate[] }

export const updateShippingRulesWorkflowId = "update-shipping-rules-workflow"

/** Saves edited Jordan shipping rules and re-prices the Jordan shipping options from them. */
export const updateShippingRulesWorkflow = createWorkflow(
  updateShippingRulesWorkflowId,
  (input: UpdateShippingRulesInput) => {
    const rules = updateShippingRulesStep(input.updates)
    syncJordanShippingOptionsStep()
    return new WorkflowResponse(rules)
  }
)

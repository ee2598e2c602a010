import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateCustomersWorkflow } from "@medusajs/medusa/core-flows"
import type { SkinProfileData } from "../modules/skin-profile/service"
import { saveSkinProfileStep } from "./steps/save-skin-profile"

export type UpdateCustomerProfileInput = {
  customer_id: string
  customer: { first_name?: string; last_name?: string; phone?: string | null }
  profile: Partial<SkinProfileData>
}

export const updateCustomerProfileWorkflowId = "update-customer-profile"

/** Names and phone on Medusa's customer, the rest in the sealed skin profile; either may be absent. */
export const updateCustomerProfileWorkflow = createWorkflow(
  updateCustomerProfileWorkflowId,
  (input: UpdateCustomerProfileInput) => {
    when({ input }, ({ input }) => Object.keys(input.customer).length > 0).then(() =>
      updateCustomersWorkflow.runAsStep({
        input: transform({ input }, ({ input }) => ({
          selector: { id: input.customer_id },
          update: input.customer,
        })),
      })
    )
    when({ input }, ({ input }) => Object.keys(input.profile).length > 0).then(() =>
      saveSkinProfileStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id, profile: input.profile })))
    )
    return new WorkflowResponse(transform({ input }, ({ input }) => ({ customer_id: input.customer_id })))
  }
)

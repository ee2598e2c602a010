import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCustomerAccountWorkflow } from "@medusajs/medusa/core-flows"
import type { SkinProfileData } from "../modules/skin-profile/service"
import { registerAuthIdentityStep } from "./steps/register-auth-identity"
import { saveSkinProfileStep } from "./steps/save-skin-profile"

export type RegisterCustomerInput = {
  email: string
  password: string
  first_name: string
  last_name: string
  phone?: string | null
  profile: SkinProfileData
}

export const registerCustomerWorkflowId = "register-customer"

/**
 * A customer account: Medusa's emailpass identity, Medusa's customer account
 * (a guest customer with the same email stays a guest record) and the sealed
 * skin profile. A failure at any step undoes the earlier ones.
 */
export const registerCustomerWorkflow = createWorkflow(registerCustomerWorkflowId, (input: RegisterCustomerInput) => {
  const identity = registerAuthIdentityStep(
    transform({ input }, ({ input }) => ({ email: input.email, password: input.password }))
  )
  const customer = createCustomerAccountWorkflow.runAsStep({
    input: transform({ input, identity }, ({ input, identity }) => ({
      authIdentityId: identity.id,
      customerData: {
        email: input.email,
        first_name: input.first_name,
        last_name: input.last_name,
        phone: input.phone ?? null,
      },
    })),
  })
  saveSkinProfileStep(
    transform({ input, customer }, ({ input, customer }) => ({ customer_id: customer.id, profile: input.profile }))
  )
  return new WorkflowResponse(
    transform({ customer, identity }, ({ customer, identity }) => ({
      customer_id: customer.id,
      auth_identity_id: identity.id,
    }))
  )
})

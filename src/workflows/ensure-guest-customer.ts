import {
  acquireLockStep,
  createCustomersWorkflow,
  releaseLockStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"

export type EnsureGuestCustomerInput = { email: string }

export const ensureGuestCustomerWorkflowId = "ensure-guest-customer"

/**
 * Makes sure a customer record exists for an email before carts are given
 * it. Medusa's cart workflows find or create that record themselves, but two
 * carts given the same new email at once both create it and one fails on
 * the unique email ("Customer with email … already exists"); creating it
 * here under a lock on the email lets them all find it.
 */
export const ensureGuestCustomerWorkflow = createWorkflow(
  ensureGuestCustomerWorkflowId,
  (input: EnsureGuestCustomerInput) => {
    const key = transform({ input }, ({ input }) => `customer-email:${input.email.toLowerCase()}`)
    acquireLockStep({ key, timeout: 10, ttl: 30 })
    const { data: customers } = useQueryGraphStep({
      entity: "customer",
      fields: ["id"],
      filters: { email: input.email },
    })
    when("create-guest-customer", { customers }, ({ customers }) => !customers.length).then(() => {
      createCustomersWorkflow.runAsStep({
        input: transform({ input }, ({ input }) => ({ customersData: [{ email: input.email }] })),
      })
    })
    releaseLockStep({ key })
    return new WorkflowResponse(undefined)
  }
)

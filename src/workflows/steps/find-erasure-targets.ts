import type { ICustomerModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { notFoundError } from "../../lib/errors"

/** What an erasure acts on, read before anything changes (the customer row is gone by the end). */
export type ErasureTargets = {
  customer_id: string
  email: string | null
  order_ids: string[]
  auth_identity_ids: string[]
  account_holder_ids: string[]
}

export const findErasureTargetsStepId = "find-erasure-targets"

/** Reads the customer (404 when unknown), its orders, its login identities and payment account holders. */
export const findErasureTargetsStep = createStep(
  findErasureTargetsStepId,
  async (input: { customer_id: string }, { container }) => {
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    const [customer] = await customers.listCustomers({ id: input.customer_id }, { select: ["id", "email"] })
    if (!customer) throw notFoundError(`Customer ${input.customer_id} not found`)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const [orders, identities, holders] = await Promise.all([
      query.graph({ entity: "order", fields: ["id"], filters: { customer_id: customer.id } }),
      // How Medusa's own removeCustomerAccountWorkflow finds the identity of a customer.
      query.graph({ entity: "auth_identity", fields: ["id"], filters: { app_metadata: { customer_id: customer.id } } }),
      query.graph({ entity: "customer", fields: ["account_holders.id"], filters: { id: customer.id } }),
    ])
    const accountHolders = ((holders.data[0] as { account_holders?: ({ id: string } | null)[] })?.account_holders ?? [])
      .filter((h): h is { id: string } => !!h)
      .map((h) => h.id)
    return new StepResponse<ErasureTargets>({
      customer_id: customer.id,
      email: customer.email ?? null,
      order_ids: orders.data.map((o: { id: string }) => o.id),
      auth_identity_ids: identities.data.map((i: { id: string }) => i.id),
      account_holder_ids: accountHolders,
    })
  }
)

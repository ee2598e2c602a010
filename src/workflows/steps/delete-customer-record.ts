import type { CustomerDTO, ICustomerModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ErasureTargets } from "./find-erasure-targets"

export const deleteCustomerRecordStepId = "delete-customer-record"

/**
 * Deletes Medusa's customer row for good, with its saved addresses (the
 * module cascades) and group memberships. Not Medusa's deleteCustomersWorkflow:
 * that soft-deletes, leaving names, email and phone in the table.
 * Compensation re-creates the customer with the same id, addresses and groups.
 */
export const deleteCustomerRecordStep = createStep(
  deleteCustomerRecordStepId,
  async (targets: ErasureTargets, { container }) => {
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    const [customer] = await customers.listCustomers({ id: targets.customer_id }, { relations: ["addresses", "groups"] })
    if (!customer) return new StepResponse<boolean, CustomerDTO | null>(false, null)
    await customers.deleteCustomers([customer.id])
    return new StepResponse<boolean, CustomerDTO | null>(true, customer)
  },
  async (customer, { container }) => {
    if (!customer) return
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    const { groups, addresses, ...row } = customer as typeof customer & { groups?: { id: string }[] }
    await customers.createCustomers({
      ...(row as any),
      addresses: (addresses ?? []).map(({ customer_id: _c, ...address }: any) => address),
    })
    if (groups?.length) {
      await customers.addCustomerToGroup(groups.map((g) => ({ customer_id: customer.id, customer_group_id: g.id })))
    }
  }
)

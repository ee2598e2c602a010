import type { IPaymentModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ErasureTargets } from "./find-erasure-targets"

export const deleteCustomerAccountHoldersStepId = "delete-customer-account-holders"

/**
 * The customer's payment account holders (Stripe keeps a Customer object with
 * their email and name for a signed-in card payer): the payment module deletes
 * the row and asks the provider to delete its customer. That cannot be
 * undone, so this runs last, after everything that can be.
 */
export const deleteCustomerAccountHoldersStep = createStep(
  deleteCustomerAccountHoldersStepId,
  async (targets: ErasureTargets, { container }) => {
    if (!targets.account_holder_ids.length) return new StepResponse(0)
    const payments: IPaymentModuleService = container.resolve(Modules.PAYMENT)
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    await link.dismiss(
      targets.account_holder_ids.map((id) => ({
        [Modules.CUSTOMER]: { customer_id: targets.customer_id },
        [Modules.PAYMENT]: { account_holder_id: id },
      }))
    )
    for (const id of targets.account_holder_ids) await payments.deleteAccountHolder(id)
    return new StepResponse(targets.account_holder_ids.length)
  }
)

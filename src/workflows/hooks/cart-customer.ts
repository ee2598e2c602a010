import { transferCartCustomerWorkflow } from "@medusajs/medusa/core-flows"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * Only guest carts can be claimed: a cart already of a customer with an
 * account stays theirs, whoever runs the transfer (the /store route, an
 * import, a script). A guest customer record does not count as an owner.
 */
transferCartCustomerWorkflow.hooks.validate(async ({ input, cart }) => {
  const owner = cart?.customer?.has_account ? cart.customer_id : undefined
  if (owner && owner !== input.customer_id) {
    throw new MedusaError(MedusaError.Types.FORBIDDEN, "This cart belongs to another customer")
  }
})

import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteCustomerAddressesWorkflow, updateCustomerAddressesWorkflow } from "@medusajs/medusa/core-flows"
import { presentCustomerAddress } from "../../../../../../presenters/customer"
import { ownCustomerId } from "../../../../../../utils/customer"
import { asBody, listAddresses, ownAddress, toSavedAddress } from "../../../../../../utils/customer-address"
import type { UpdateAddressBody } from "../../../validators"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const address = await ownAddress(req.scope, ownCustomerId(req), req.params.addressId)
  res.json({ data: presentCustomerAddress(address) })
}

/** Changes the given fields (the rest stay) and may make it the default shipping address. */
export async function PUT(req: AuthenticatedMedusaRequest<UpdateAddressBody>, res: MedusaResponse) {
  const customerId = ownCustomerId(req)
  const current = await ownAddress(req.scope, customerId, req.params.addressId)
  const { isDefaultShipping, ...changes } = req.validatedBody
  const address = await toSavedAddress(req.scope, { ...asBody(current), ...changes })
  await updateCustomerAddressesWorkflow(req.scope).run({
    input: {
      selector: { id: current.id, customer_id: customerId },
      update: { ...address, ...(isDefaultShipping !== undefined ? { is_default_shipping: isDefaultShipping } : {}) },
    },
  })
  res.json({
    data: presentCustomerAddress(await ownAddress(req.scope, customerId, current.id)),
    message: "Address updated",
  })
}

/** Deletes it; when it was the default, the oldest remaining address takes over, so checkout keeps one. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const customerId = ownCustomerId(req)
  const address = await ownAddress(req.scope, customerId, req.params.addressId)
  await deleteCustomerAddressesWorkflow(req.scope).run({ input: { ids: [address.id] } })
  const [next] = await listAddresses(req.scope, customerId)
  if (address.is_default_shipping && next) {
    await updateCustomerAddressesWorkflow(req.scope).run({
      input: { selector: { id: next.id }, update: { is_default_shipping: true } },
    })
  }
  res.json({ data: { id: address.id, deleted: true }, message: "Address deleted" })
}

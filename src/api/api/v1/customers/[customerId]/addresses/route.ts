import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createCustomerAddressesWorkflow } from "@medusajs/medusa/core-flows"
import { ApiError } from "../../../../../../lib/errors"
import { presentCustomerAddress } from "../../../../../presenters/customer"
import { ownCustomerId } from "../../../../../utils/customer"
import { listAddresses, MAX_ADDRESSES, ownAddress, toSavedAddress } from "../../../../../utils/customer-address"
import { pagination } from "../../../../../utils/pagination"
import type { CreateAddressBody } from "../../validators"

/** The caller's saved addresses, default shipping address first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const addresses = await listAddresses(req.scope, ownCustomerId(req))
  res.json({ data: addresses.map(presentCustomerAddress), pagination: pagination(1, MAX_ADDRESSES, addresses.length) })
}

/** Saves an address; the first one, or one sent with isDefaultShipping, becomes the default for checkout. */
export async function POST(req: AuthenticatedMedusaRequest<CreateAddressBody>, res: MedusaResponse) {
  const customerId = ownCustomerId(req)
  const { isDefaultShipping, ...body } = req.validatedBody
  const existing = await listAddresses(req.scope, customerId)
  if (existing.length >= MAX_ADDRESSES) {
    throw new ApiError(409, "CONFLICT", `An address book holds at most ${MAX_ADDRESSES} addresses`)
  }
  const address = await toSavedAddress(req.scope, body)
  // Medusa's workflow unsets the previous default in the same run.
  const { result } = await createCustomerAddressesWorkflow(req.scope).run({
    input: {
      addresses: [
        { ...address, customer_id: customerId, is_default_shipping: isDefaultShipping ?? existing.length === 0 },
      ],
    },
  })
  res.status(201).json({
    data: presentCustomerAddress(await ownAddress(req.scope, customerId, result[0].id)),
    message: "Address saved",
  })
}

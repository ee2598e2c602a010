import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateCustomerProfileWorkflow } from "../../../../../workflows/update-customer-profile"
import { ownCustomerId, presentCustomerById } from "../../../../utils/customer"
import { eraseCustomer } from "../../../../utils/customer-privacy"
import type { UpdateCustomerBody } from "../validators"

/** The caller's own record (`me` or their id) with addresses, skin profile and order history. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const customerId = ownCustomerId(req)
  res.json({ data: await presentCustomerById(req.scope, customerId, { withOrders: true }) })
}

/** Names and phone (Medusa's customer); date of birth and skin profile (sealed). `null` clears. */
export async function PUT(req: AuthenticatedMedusaRequest<UpdateCustomerBody>, res: MedusaResponse) {
  const customerId = ownCustomerId(req)
  const body = req.validatedBody
  const customer = Object.fromEntries(
    Object.entries({ first_name: body.firstName, last_name: body.lastName, phone: body.phone }).filter(
      ([, v]) => v !== undefined
    )
  )
  const profile = Object.fromEntries(
    Object.entries({
      skin_type: body.skinType,
      skin_concerns: body.skinConcerns,
      date_of_birth: body.dateOfBirth,
    }).filter(([, v]) => v !== undefined)
  )
  await updateCustomerProfileWorkflow(req.scope).run({ input: { customer_id: customerId, customer, profile } })
  res.json({
    data: await presentCustomerById(req.scope, customerId, { withOrders: true }),
    message: "Customer updated",
  })
}

/**
 * Erases the caller's account (DESIGN.md "Privacy"): personal data deleted,
 * orders kept for accounting without names, emails, phones or addresses. The
 * token in hand stops working with the account.
 */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const customerId = ownCustomerId(req)
  await eraseCustomer(req, res, customerId)
  res.json({ data: { id: customerId, deleted: true }, message: "Account and personal data erased" })
}

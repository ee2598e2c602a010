import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { updateCustomerProfileWorkflow } from "../../../../../workflows/update-customer-profile"
import { loadSkinProfile } from "../../../../utils/customer"
import type { UpdateSkinProfileBody } from "./validators"

async function skinProfileOf(req: AuthenticatedMedusaRequest, customerId: string) {
  // 404 for an unknown customer, as Medusa's customer routes answer.
  await req.scope.resolve(Modules.CUSTOMER).retrieveCustomer(customerId)
  return { customer_id: customerId, ...(await loadSkinProfile(req.scope, customerId)) }
}

/** The customer's skin profile, opened for the merchant (Admin's customer page). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ skin_profile: await skinProfileOf(req, req.params.id) })
}

/** Changes the given fields of the profile (sealed again under the current key). */
export async function POST(req: AuthenticatedMedusaRequest<UpdateSkinProfileBody>, res: MedusaResponse) {
  await skinProfileOf(req, req.params.id)
  await updateCustomerProfileWorkflow(req.scope).run({
    input: { customer_id: req.params.id, customer: {}, profile: req.validatedBody },
  })
  res.json({ skin_profile: await skinProfileOf(req, req.params.id) })
}

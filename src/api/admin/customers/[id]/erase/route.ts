import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { eraseCustomer } from "../../../../utils/customer-privacy"

/**
 * Erases the customer's personal data (orders stay, anonymised). Not Medusa's
 * DELETE /admin/customers/:id, which only soft-deletes the customer row.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const erasure = await eraseCustomer(req, res, req.params.id)
  res.json({ id: req.params.id, object: "customer", deleted: true, erasure })
}

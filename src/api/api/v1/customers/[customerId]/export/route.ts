import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ownCustomerId } from "../../../../../utils/customer"
import { exportForDownload } from "../../../../../utils/customer-privacy"

/** Everything held about the caller, as a JSON download (DESIGN.md "Privacy"); audited. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const customerId = ownCustomerId(req)
  res.json({ data: await exportForDownload(req, res, customerId) })
}

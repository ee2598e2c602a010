import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { exportForDownload } from "../../../../utils/customer-privacy"

/** The merchant's copy of everything held about a customer (the same document the customer downloads); audited. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ customer_export: await exportForDownload(req, res, req.params.id) })
}

import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { eraseCustomerWorkflow } from "../../workflows/erase-customer"
import type { CustomerExport } from "../presenters/customer-export"
import { buildCustomerExport, exportFileName } from "./customer-export"
import { privacyRequestOf, recordExport } from "./privacy-request"

const countsOf = (doc: CustomerExport) => ({
  addresses: doc.addresses.length,
  orders: doc.orders.length,
  reviews: doc.reviews.length,
  sessions: doc.sessions.length,
  carts: doc.carts.length,
  emails: doc.emails.length,
})

/**
 * Builds the customer's export, records who took it, and sets the answer up
 * as a file download. The caller sends the document in its own envelope.
 */
export async function exportForDownload(req: AuthenticatedMedusaRequest, res: MedusaResponse, customerId: string) {
  const doc = await buildCustomerExport(req.scope, customerId)
  await recordExport(req, res, customerId, countsOf(doc))
  res.setHeader("Content-Disposition", `attachment; filename="${exportFileName(customerId)}"`)
  return doc
}

/** Runs the erasure with the caller recorded as its actor; answers what was touched (counts). */
export async function eraseCustomer(req: AuthenticatedMedusaRequest, res: MedusaResponse, customerId: string) {
  const { result } = await eraseCustomerWorkflow(req.scope).run({
    input: { customer_id: customerId, request: privacyRequestOf(req, res) },
  })
  return result
}

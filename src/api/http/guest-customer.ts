import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ensureGuestCustomerWorkflow } from "../../workflows/ensure-guest-customer"

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * Before Medusa's cart workflows take an email from a /store body, the
 * customer record for it exists (see ensureGuestCustomerWorkflow): parallel
 * carts given one new email no longer fail on its unique index.
 */
export async function ensureGuestCustomer(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const email = (req.body as { email?: unknown } | undefined)?.email
  if (typeof email !== "string" || !EMAIL.test(email)) return next()
  try {
    await ensureGuestCustomerWorkflow(req.scope).run({ input: { email } })
    next()
  } catch (e) {
    next(e)
  }
}

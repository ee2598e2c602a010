import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { presentOrderFor } from "../../../../utils/order"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ data: await presentOrderFor(req.scope, req.params.id, req.auth_context?.actor_id) })
}

import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { setReviewStatusWorkflow } from "../../../../workflows/set-review-status"
import type { AdminSetReviewStatusBody } from "../validators"

export async function POST(req: AuthenticatedMedusaRequest<AdminSetReviewStatusBody>, res: MedusaResponse) {
  const { result } = await setReviewStatusWorkflow(req.scope).run({
    input: { id: req.params.id, status: req.validatedBody.status },
  })
  res.json({ review: result })
}

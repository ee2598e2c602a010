import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { REVIEW_MODULE } from "../../../modules/review"
import type ReviewModuleService from "../../../modules/review/service"
import type { AdminListReviewsQuery } from "./validators"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { status, product_id, limit, offset } = req.validatedQuery as AdminListReviewsQuery
  const service: ReviewModuleService = req.scope.resolve(REVIEW_MODULE)
  const [reviews, count] = await service.listAndCountReviews(
    { ...(status ? { status } : {}), ...(product_id ? { product_id } : {}) },
    { skip: offset, take: limit, order: { created_at: "DESC" } }
  )
  res.json({ reviews, count, limit, offset })
}

import type { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { REVIEW_MODULE } from "../../../../../../modules/review"
import type ReviewModuleService from "../../../../../../modules/review/service"
import { createReviewWorkflow } from "../../../../../../workflows/create-review"
import { presentReview } from "../../../../../presenters/review"
import { pagination } from "../../../../../utils/pagination"
import { findPublishedProduct } from "../../../../../utils/product"
import { assertFirstReview, reviewAuthor } from "../../../../../utils/review"
import type { CreateReviewBody, ListReviewsQuery } from "../../validators"

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const product = await findPublishedProduct(req.scope, req.params.id)
  const { page, limit } = req.validatedQuery as ListReviewsQuery
  const service: ReviewModuleService = req.scope.resolve(REVIEW_MODULE)
  const [reviews, total] = await service.listAndCountReviews(
    { product_id: product.id, status: "approved" },
    { skip: (page - 1) * limit, take: limit, order: { created_at: "DESC" } }
  )
  res.json({
    data: reviews.map(presentReview),
    pagination: pagination(page, limit, total),
    summary: await service.summarize(product.id),
  })
}

export async function POST(req: AuthenticatedMedusaRequest<CreateReviewBody>, res: MedusaResponse) {
  const customerId = req.auth_context.actor_id
  const product = await findPublishedProduct(req.scope, req.params.id)
  await assertFirstReview(req.scope, product.id, customerId)
  const author = await reviewAuthor(req.scope, product.id, customerId)
  const { result } = await createReviewWorkflow(req.scope).run({
    input: { product_id: product.id, customer_id: customerId, ...author, ...req.validatedBody },
  })
  res.status(201).json({
    data: presentReview(result),
    message: "Review submitted: it appears once the shop approves it",
  })
}

import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REVIEW_MODULE } from "../../modules/review"
import type ReviewModuleService from "../../modules/review/service"

export type CreateReviewInput = {
  product_id: string
  customer_id: string
  rating: number
  title: string
  body: string
  author_name: string
  verified_purchase: boolean
  status?: "pending" | "approved" | "rejected"
}

export const createReviewStepId = "create-review"

/** Stores a review (pending moderation unless told otherwise); the compensation deletes it. */
export const createReviewStep = createStep(
  createReviewStepId,
  async (input: CreateReviewInput, { container }) => {
    const service: ReviewModuleService = container.resolve(REVIEW_MODULE)
    const review = await service.createReviews(input)
    return new StepResponse(review, review.id)
  },
  async (reviewId, { container }) => {
    if (!reviewId) return
    const service: ReviewModuleService = container.resolve(REVIEW_MODULE)
    await service.deleteReviews(reviewId)
  }
)

import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REVIEW_MODULE } from "../../modules/review"
import type ReviewModuleService from "../../modules/review/service"

export type SetReviewStatusInput = { id: string; status: "pending" | "approved" | "rejected" }

export const setReviewStatusStepId = "set-review-status"

/** Approves or rejects a review; the compensation restores its previous status. */
export const setReviewStatusStep = createStep(
  setReviewStatusStepId,
  async ({ id, status }: SetReviewStatusInput, { container }) => {
    const service: ReviewModuleService = container.resolve(REVIEW_MODULE)
    const previous = await service.retrieveReview(id)
    const review = await service.updateReviews({ id, status })
    return new StepResponse(review, { id, status: previous.status })
  },
  async (previous, { container }) => {
    if (!previous) return
    const service: ReviewModuleService = container.resolve(REVIEW_MODULE)
    await service.updateReviews(previous)
  }
)

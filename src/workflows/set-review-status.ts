import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { REVIEW_CHANGED } from "./create-review"
import { SetReviewStatusInput, setReviewStatusStep } from "./steps/set-review-status"

export const setReviewStatusWorkflowId = "set-review-status-workflow"

/** A merchant's moderation decision on a review. */
export const setReviewStatusWorkflow = createWorkflow(setReviewStatusWorkflowId, (input: SetReviewStatusInput) => {
  const review = setReviewStatusStep(input)
  emitEventStep({
    eventName: REVIEW_CHANGED,
    data: transform({ review }, ({ review }) => ({ id: review.id, product_id: review.product_id })),
  })
  return new WorkflowResponse(review)
})

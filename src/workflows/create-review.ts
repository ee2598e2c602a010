import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CreateReviewInput, createReviewStep } from "./steps/create-review"

export const createReviewWorkflowId = "create-review-workflow"
export const REVIEW_CHANGED = "review.changed"

/** Records a customer's review of a product. */
export const createReviewWorkflow = createWorkflow(createReviewWorkflowId, (input: CreateReviewInput) => {
  const review = createReviewStep(input)
  emitEventStep({
    eventName: REVIEW_CHANGED,
    data: transform({ review }, ({ review }) => ({ id: review.id, product_id: review.product_id })),
  })
  return new WorkflowResponse(review)
})

import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REVIEW_MODULE } from "../../modules/review"
import type ReviewModuleService from "../../modules/review/service"
import type { ErasureTargets } from "./find-erasure-targets"

/** The name an erased customer's reviews are shown under. */
export const ERASED_REVIEW_AUTHOR = "Former customer"

type Undo = { id: string; author_name: string; customer_id: string }[]

export const anonymiseCustomerReviewsStepId = "anonymise-customer-reviews"

/**
 * Reviews stay (their ratings are part of the products' averages, and their
 * text is product content the customer published) but no longer name or
 * point to the customer: the author becomes "Former customer" and the
 * customer id a per-review placeholder (`erased_<review id>`: unique, so the
 * one-review-per-customer index still holds, and matching no customer).
 * Compensation puts name and id back.
 */
export const anonymiseCustomerReviewsStep = createStep(
  anonymiseCustomerReviewsStepId,
  async (targets: ErasureTargets, { container }) => {
    const reviews: ReviewModuleService = container.resolve(REVIEW_MODULE)
    const rows = await reviews.listReviews(
      { customer_id: targets.customer_id },
      { select: ["id", "author_name", "customer_id"], take: null }
    )
    if (rows.length) {
      await reviews.updateReviews(
        rows.map((r) => ({ id: r.id, author_name: ERASED_REVIEW_AUTHOR, customer_id: `erased_${r.id}` }))
      )
    }
    return new StepResponse(
      rows.length,
      rows.map(({ id, author_name, customer_id }) => ({ id, author_name, customer_id })) as Undo
    )
  },
  async (undo, { container }) => {
    if (!undo?.length) return
    const reviews: ReviewModuleService = container.resolve(REVIEW_MODULE)
    await reviews.updateReviews(undo)
  }
)

import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { transform } from "@medusajs/framework/workflows-sdk"
import { ProductSkincareInput, upsertProductSkincareStep } from "./steps/upsert-product-skincare"

export const upsertProductSkincareWorkflowId = "upsert-product-skincare-workflow"
export const PRODUCT_SKINCARE_UPDATED = "product_skincare.updated"

/** Saves products' skincare facts and announces it (the catalogue cache listens). */
export const upsertProductSkincareWorkflow = createWorkflow(
  upsertProductSkincareWorkflowId,
  (input: { items: ProductSkincareInput[] }) => {
    const saved = upsertProductSkincareStep(input.items)
    emitEventStep({
      eventName: PRODUCT_SKINCARE_UPDATED,
      data: transform({ input }, ({ input }) => input.items.map((i) => ({ product_id: i.product_id }))),
    })
    return new WorkflowResponse(saved)
  }
)

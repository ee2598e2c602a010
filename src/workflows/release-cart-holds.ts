import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { releaseCartHoldsStep, ReleaseCartHoldsInput } from "./steps/release-cart-holds"

export const releaseCartHoldsWorkflowId = "release-cart-holds"

/** Releases carts' holds (or the part their lines no longer cover), or every expired hold. */
export const releaseCartHoldsWorkflow = createWorkflow(
  releaseCartHoldsWorkflowId,
  (input: ReleaseCartHoldsInput) => {
    const released = releaseCartHoldsStep(input)
    emitEventStep({
      eventName: "inventory.hold_released",
      data: transform({ released }, ({ released }) =>
        released.map((r) => ({
          id: r.hold.id,
          cart_id: r.hold.cart_id,
          variant_ids: [...new Set(r.released.map((x) => x.variant_id))],
          removed: r.removed,
        }))
      ),
    })
    return new WorkflowResponse(released)
  }
)

import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { holdCartStockStep, HoldCartStockInput } from "./steps/hold-cart-stock"

export const holdCartStockWorkflowId = "hold-cart-stock"

/** Holds (or re-holds) a cart's items until `expires_at`; announces the new hold and any it replaced. */
export const holdCartStockWorkflow = createWorkflow(holdCartStockWorkflowId, (input: HoldCartStockInput) => {
  const result = holdCartStockStep(input)
  emitEventStep({
    eventName: "inventory.hold_released",
    data: transform({ result }, ({ result }) =>
      result.released.map((h) => ({ id: h.id, cart_id: h.cart_id, reason: "replaced" }))
    ),
  }).config({ name: "emit-replaced-holds" })
  emitEventStep({
    eventName: "inventory.hold_created",
    data: transform({ result }, ({ result }) => ({
      id: result.hold.id,
      cart_id: result.hold.cart_id,
      expires_at: result.hold.expires_at,
      variant_ids: [...new Set(result.hold.reservations.map((r) => r.variant_id))],
    })),
  })
  return new WorkflowResponse(result.hold)
})

import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { mergeOrderMetadataStep } from "./steps/merge-order-metadata"

export type ConfirmCashOnDeliveryInput = { order_id: string; confirmed_at: string }

export const confirmCashOnDeliveryWorkflowId = "confirm-cash-on-delivery"
export const ORDER_COD_CONFIRMED_EVENT = "order.cod_confirmed"

/**
 * The shopper confirms a cash-on-delivery order: its status becomes
 * `confirmed` (src/lib/order-status.ts reads `cod_confirmed_at`); the cash is
 * captured in Admin on delivery.
 */
export const confirmCashOnDeliveryWorkflow = createWorkflow(
  confirmCashOnDeliveryWorkflowId,
  (input: ConfirmCashOnDeliveryInput) => {
    mergeOrderMetadataStep(
      transform({ input }, ({ input }) => ({
        order_id: input.order_id,
        metadata: { cod_confirmed_at: input.confirmed_at },
      }))
    )
    emitEventStep({
      eventName: ORDER_COD_CONFIRMED_EVENT,
      data: transform({ input }, ({ input }) => ({ id: input.order_id })),
    })
    return new WorkflowResponse({ id: input.order_id })
  }
)

import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"

export type MergeOrderMetadataInput = { order_id: string; metadata: Record<string, unknown> }

export const mergeOrderMetadataStepId = "merge-order-metadata"

/** Sets keys of an order's metadata, keeping the others; the compensation puts the old metadata back. */
export const mergeOrderMetadataStep = createStep(
  mergeOrderMetadataStepId,
  async ({ order_id, metadata }: MergeOrderMetadataInput, { container }) => {
    const orders = container.resolve(Modules.ORDER)
    const order = await orders.retrieveOrder(order_id, { select: ["id", "metadata"] })
    const previous = (order.metadata ?? null) as Record<string, unknown> | null
    await orders.updateOrders([{ id: order_id, metadata: { ...(previous ?? {}), ...metadata } }])
    return new StepResponse(undefined, { order_id, previous })
  },
  async (undo, { container }) => {
    if (!undo) return
    await container.resolve(Modules.ORDER).updateOrders([{ id: undo.order_id, metadata: undo.previous ?? {} }])
  }
)

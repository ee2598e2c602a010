import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type RecordCardFailureInput = {
  order_id: string
  /** When Stripe saw the failure (the event's `created`), ISO 8601. */
  failed_at: string
  /** Medusa already holds an accepted payment for the order. */
  accepted: boolean
  code: string | null
  decline_code: string | null
  message: string
}

export const recordCardFailureStepId = "record-card-failure"

/**
 * Marks an order's card payment failed (paymentStatus `failed`; the shopper
 * may retry), unless the failure is stale: the card was accepted meanwhile,
 * or the shopper started a newer attempt after it. Medusa ignores failed
 * intents upstream, so this is the only place they count. The compensation
 * puts the old metadata back.
 */
export const recordCardFailureStep = createStep(
  recordCardFailureStepId,
  async (input: RecordCardFailureInput, { container }) => {
    if (input.accepted) return new StepResponse(false, null)
    const orders = container.resolve(Modules.ORDER)
    const order = await orders.retrieveOrder(input.order_id, { select: ["id", "metadata"] })
    const previous = (order.metadata ?? {}) as Record<string, unknown>
    // Stripe dates its events to the second: only an attempt begun in a
    // later second is surely newer than this failure.
    const seconds = (iso: unknown) => (typeof iso === "string" ? Math.floor(Date.parse(iso) / 1000) : 0)
    if (seconds(previous.payment_attempted_at) > seconds(input.failed_at)) return new StepResponse(false, null)
    await orders.updateOrders([
      {
        id: input.order_id,
        metadata: {
          ...previous,
          payment_failed: true,
          payment_intent_status: "requires_payment_method",
          payment_failure: {
            code: input.code,
            decline_code: input.decline_code,
            message: input.message.slice(0, 300),
            at: input.failed_at,
          },
        },
      },
    ])
    return new StepResponse(true, { order_id: input.order_id, previous })
  },
  async (undo, { container }) => {
    if (!undo) return
    await container.resolve(Modules.ORDER).updateOrders([{ id: undo.order_id, metadata: undo.previous }])
  }
)

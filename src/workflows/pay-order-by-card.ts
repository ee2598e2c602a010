import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { ORDER_PAYMENT_STATUS_CHANGED } from "../lib/live/events"
import { confirmPaymentIntentStep, ConfirmPaymentIntentInput } from "./steps/confirm-payment-intent"
import { mergeOrderMetadataStep } from "./steps/merge-order-metadata"
import { ACCEPTED_INTENT_STATUSES, settleCardPaymentWorkflow } from "./settle-card-payment"

export type PayOrderByCardInput = ConfirmPaymentIntentInput & {
  payment_session_id: string
  attempted_at: string
}

export const payOrderByCardWorkflowId = "pay-order-by-card"

/**
 * The shopper pays an order by card: the PaymentIntent is confirmed; the
 * attempt (and a decline, which makes paymentStatus `failed` until the next
 * attempt) is noted on the order; an accepted card settles Medusa's payment
 * at once, and a 3-D Secure challenge or a slow card leaves it to the webhook.
 */
export const payOrderByCardWorkflow = createWorkflow(payOrderByCardWorkflowId, (input: PayOrderByCardInput) => {
  const confirmed = confirmPaymentIntentStep(input)
  mergeOrderMetadataStep(
    transform({ input, confirmed }, ({ input, confirmed }) => ({
      order_id: input.metadata.order_id,
      metadata: {
        payment_attempted_at: input.attempted_at,
        payment_intent_status: confirmed.intent.status,
        payment_failed: !!confirmed.declined,
        payment_failure: confirmed.declined
          ? { ...confirmed.declined, at: input.attempted_at }
          : null,
      },
    }))
  )
  when("card-accepted", { confirmed }, ({ confirmed }) =>
    !confirmed.declined && ACCEPTED_INTENT_STATUSES.includes(confirmed.intent.status)
  ).then(() => {
    settleCardPaymentWorkflow.runAsStep({
      input: transform({ input, confirmed }, ({ input, confirmed }) => ({
        order_id: input.metadata.order_id,
        payment_session_id: input.payment_session_id,
        intent_status: confirmed.intent.status,
      })),
    })
  })
  // The attempt's outcome lives in the order's metadata, which no Medusa event announces.
  emitEventStep({
    eventName: ORDER_PAYMENT_STATUS_CHANGED,
    data: transform({ input }, ({ input }) => ({ id: input.metadata.order_id })),
  }).config({ name: "announce-card-attempt" })
  return new WorkflowResponse(confirmed)
})

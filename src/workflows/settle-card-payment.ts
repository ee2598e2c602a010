import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  authorizePaymentSessionForOrderWorkflow,
  capturePaymentWorkflow,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { PaymentSessionStatus } from "@medusajs/framework/utils"
import { mergeOrderMetadataStep } from "./steps/merge-order-metadata"

export type SettleCardPaymentInput = {
  order_id: string
  payment_session_id: string
  /** The PaymentIntent's status as Stripe reports it now. */
  intent_status: string
}

/** Intent statuses in which the card has been accepted. */
export const ACCEPTED_INTENT_STATUSES = ["succeeded", "requires_capture"]

export const settleCardPaymentWorkflowId = "settle-card-payment"

/**
 * Brings Medusa's payment of an order in line with its PaymentIntent, from
 * whatever state it is in, so the /payment answer and every webhook delivery
 * (twice, late, out of order) end the same: an accepted card authorizes the
 * deferred session (Medusa's own workflow, which also records the capture
 * Stripe made), and a succeeded intent whose payment Medusa has not captured
 * yet is captured. The order's metadata keeps the intent's last status.
 */
export const settleCardPaymentWorkflow = createWorkflow(settleCardPaymentWorkflowId, (input: SettleCardPaymentInput) => {
  const { data: sessions } = useQueryGraphStep({
    entity: "payment_session",
    fields: ["id", "status", "payment.id", "payment.captured_at"],
    filters: { id: input.payment_session_id },
  }).config({ name: "read-card-session" })

  const state = transform({ sessions, input }, ({ sessions, input }) => {
    const session = sessions[0] as { status?: string; payment?: { id: string; captured_at?: unknown } | null } | undefined
    const accepted = ACCEPTED_INTENT_STATUSES.includes(input.intent_status)
    return {
      authorize: accepted && session?.status === PaymentSessionStatus.PENDING_AUTHORIZATION,
      capture_payment_id:
        input.intent_status === "succeeded" && session?.payment && !session.payment.captured_at
          ? session.payment.id
          : null,
      accepted,
    }
  })

  when("authorize-deferred-card-session", { state }, ({ state }) => state.authorize).then(() => {
    authorizePaymentSessionForOrderWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ payment_session_id: input.payment_session_id })),
    })
  })
  when("capture-card-payment", { state }, ({ state }) => !!state.capture_payment_id).then(() => {
    capturePaymentWorkflow.runAsStep({
      input: transform({ state }, ({ state }) => ({ payment_id: state.capture_payment_id! })),
    })
  })
  mergeOrderMetadataStep(
    transform({ input, state }, ({ input, state }) => ({
      order_id: input.order_id,
      metadata: {
        payment_intent_status: input.intent_status,
        ...(state.accepted ? { payment_failed: false, payment_failure: null } : {}),
      },
    }))
  )
  return new WorkflowResponse(state)
})

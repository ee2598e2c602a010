import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, cancelOrderWorkflow, releaseLockStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { PaymentSessionStatus } from "@medusajs/framework/utils"
import { orderPaymentLockKey } from "../lib/order-payment-timeout"
import { cancelStaleCardIntentStep } from "./steps/cancel-stale-card-intent"
import { mergeOrderMetadataStep } from "./steps/merge-order-metadata"
import { settleCardPaymentWorkflow } from "./settle-card-payment"

export type TimeOutCardOrderInput = {
  order_id: string
  /** ISO 8601: only an order placed before this is timed out. */
  cutoff: string
  /** ISO 8601: when the run decided, kept on the order. */
  timed_out_at: string
}

export type TimeOutCardOrderResult = {
  order_id: string
  /** cancelled, settled (the card was accepted after all), waiting (Stripe still processing), skipped (no longer due). */
  outcome: "cancelled" | "settled" | "waiting" | "skipped"
  intent_status: string | null
}

type SessionRow = { id: string; provider_id: string; status: string; data?: { id?: string } | null }
type OrderRow = { id: string; status: string; created_at: string | Date; payment_collections?: { payment_sessions?: SessionRow[] | null }[] | null }

/** The order's waiting card session and intent, when the order is still unpaid and older than the cutoff. */
function dueCardPayment(order: OrderRow | undefined, cutoff: string) {
  if (!order || order.status !== "pending" || new Date(order.created_at).getTime() >= Date.parse(cutoff)) return null
  const session = (order.payment_collections ?? [])
    .flatMap((collection) => collection?.payment_sessions ?? [])
    .find(
      (s) =>
        s?.provider_id?.startsWith("pp_stripe") &&
        s.status === PaymentSessionStatus.PENDING_AUTHORIZATION &&
        typeof s.data?.id === "string"
    )
  return session ? { payment_session_id: session.id, intent_id: session.data!.id! } : null
}

export const timeOutCardOrderWorkflowId = "time-out-card-order"

/**
 * A card order whose payment did not come within ORDER_PAYMENT_TIMEOUT_MINUTES,
 * under the order's payment lock (the /payment route and the webhook take it
 * too), read again under that lock: its PaymentIntent is cancelled through
 * Stripe, then the order with Medusa's cancelOrderWorkflow (reservations
 * deleted, so the stock is sellable again; payment collection cancelled).
 * An intent Stripe reports accepted is settled instead (paid, confirmed),
 * and one still processing is left to its webhook.
 */
export const timeOutCardOrderWorkflow = createWorkflow(timeOutCardOrderWorkflowId, (input: TimeOutCardOrderInput) => {
  const lockKey = transform({ input }, ({ input }) => orderPaymentLockKey(input.order_id))
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })

  const { data: orders } = useQueryGraphStep({
    entity: "order",
    fields: [
      "id",
      "status",
      "created_at",
      "payment_collections.payment_sessions.id",
      "payment_collections.payment_sessions.provider_id",
      "payment_collections.payment_sessions.status",
      "payment_collections.payment_sessions.data",
    ],
    filters: { id: input.order_id },
  }).config({ name: "read-unpaid-card-order" })
  const due = transform({ orders, input }, ({ orders, input }) => dueCardPayment(orders[0] as unknown as OrderRow, input.cutoff))

  const intent = when("card-payment-due", { due }, ({ due }) => !!due).then(() =>
    cancelStaleCardIntentStep(transform({ due }, ({ due }) => ({ intent_id: due!.intent_id })))
  )

  when("stale-intent-accepted", { intent }, ({ intent }) => intent?.action === "settle").then(() => {
    settleCardPaymentWorkflow.runAsStep({
      input: transform({ input, due, intent }, ({ input, due, intent }) => ({
        order_id: input.order_id,
        payment_session_id: due!.payment_session_id,
        intent_status: intent!.intent_status,
      })),
    })
  })

  when("stale-intent-cancelled", { intent }, ({ intent }) => intent?.action === "cancel").then(() => {
    cancelOrderWorkflow.runAsStep({ input: transform({ input }, ({ input }) => ({ order_id: input.order_id })) })
    mergeOrderMetadataStep(
      transform({ input }, ({ input }) => ({
        order_id: input.order_id,
        metadata: { payment_intent_status: "canceled", payment_timed_out_at: input.timed_out_at },
      }))
    )
  })

  releaseLockStep({ key: lockKey })

  const result = transform({ input, intent }, ({ input, intent }): TimeOutCardOrderResult => ({
    order_id: input.order_id,
    outcome: !intent ? "skipped" : intent.action === "cancel" ? "cancelled" : intent.action === "settle" ? "settled" : "waiting",
    intent_status: intent?.intent_status ?? null,
  }))
  return new WorkflowResponse(result)
})

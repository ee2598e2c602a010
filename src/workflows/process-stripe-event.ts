import type { MedusaContainer } from "@medusajs/framework/types"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { ORDER_PAYMENT_STATUS_CHANGED } from "../lib/live/events"
import { orderPaymentLockKey } from "../lib/order-payment-timeout"
import { RECORD_ONLY_TYPES, StripeEventStatus, StripeEventType } from "../lib/stripe-events"
import { STRIPE_EVENT_MODULE } from "../modules/stripe-event"
import type StripeEventModuleService from "../modules/stripe-event/service"
import { settleCardPaymentWorkflow } from "./settle-card-payment"
import { findCardPaymentStep } from "./steps/find-card-payment"
import { markStripeEventStep } from "./steps/mark-stripe-event"
import { mergeOrderMetadataStep } from "./steps/merge-order-metadata"
import { recordCardFailureStep } from "./steps/record-card-failure"

type Obj = Record<string, unknown> & { id?: string; metadata?: Record<string, unknown> | null }
type EventRow = { id: string; type: StripeEventType; stripe_created_at: string | Date; payload: { data: { object: Obj } } }

const str = (value: unknown) => (typeof value === "string" && value ? value : null)

/** The PaymentIntent an event concerns, and the Medusa session id Medusa put in its metadata. */
function intentOf(row: EventRow) {
  const object = row.payload.data.object
  if (row.type.startsWith("payment_intent.")) {
    return { intent_id: str(object.id), session_id: str(object.metadata?.session_id) }
  }
  if (row.type === "charge.dispute.created") {
    return { intent_id: str(object.payment_intent), session_id: null }
  }
  return { intent_id: null, session_id: null }
}

export const processStripeEventWorkflowId = "process-stripe-event"

/**
 * Applies one recorded Stripe event to its order, under the order's payment
 * lock (the /payment route takes it too): `payment_intent.succeeded` settles
 * Medusa's payment (paid, confirmed), `payment_intent.payment_failed` marks
 * the payment failed unless that is stale, `charge.dispute.created` flags
 * the order for the merchant. Invoices and subscriptions are only recorded;
 * an intent of no order of ours is ignored.
 */
export const processStripeEventWorkflow = createWorkflow(processStripeEventWorkflowId, (input: { id: string }) => {
  const { data: rows } = useQueryGraphStep({
    entity: "stripe_event",
    fields: ["id", "type", "stripe_created_at", "payload"],
    filters: { id: input.id },
    options: { throwIfKeyNotFound: true },
  }).config({ name: "read-stripe-event" })
  const event = transform({ rows }, ({ rows }) => {
    const row = rows[0] as unknown as EventRow
    return { row, ...intentOf(row) }
  })

  const payment = when("stripe-event-has-intent", { event }, ({ event }) => !!event.intent_id).then(() =>
    findCardPaymentStep(
      transform({ event }, ({ event }) => ({ intent_id: event.intent_id!, session_id: event.session_id }))
    )
  )
  const found = transform({ payment }, ({ payment }) => payment ?? null)
  const lockKey = transform({ found }, ({ found }) => (found ? orderPaymentLockKey(found.order_id) : "stripe-event:none"))

  when("lock-order-payment", { found }, ({ found }) => !!found).then(() => {
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
  })

  when("intent-succeeded", { event, found }, ({ event, found }) => !!found && event.row.type === "payment_intent.succeeded").then(() => {
    settleCardPaymentWorkflow.runAsStep({
      input: transform({ found, event }, ({ found, event }) => ({
        order_id: found!.order_id,
        payment_session_id: found!.payment_session_id,
        intent_status: str(event.row.payload.data.object.status) ?? "succeeded",
      })),
    })
  })

  when("intent-failed", { event, found }, ({ event, found }) => !!found && event.row.type === "payment_intent.payment_failed").then(() => {
    recordCardFailureStep(
      transform({ found, event }, ({ found, event }) => {
        const error = (event.row.payload.data.object.last_payment_error ?? {}) as Record<string, unknown>
        return {
          order_id: found!.order_id,
          failed_at: new Date(event.row.stripe_created_at).toISOString(),
          accepted: found!.captured || found!.session_status === "authorized",
          code: str(error.code),
          decline_code: str(error.decline_code),
          message: str(error.message) ?? "The payment failed",
        }
      })
    )
  })

  when("dispute-created", { event, found }, ({ event, found }) => !!found && event.row.type === "charge.dispute.created").then(() => {
    mergeOrderMetadataStep(
      transform({ found, event }, ({ found, event }) => {
        const dispute = event.row.payload.data.object
        return {
          order_id: found!.order_id,
          metadata: {
            stripe_dispute: {
              id: str(dispute.id),
              charge: str(dispute.charge),
              reason: str(dispute.reason),
              status: str(dispute.status),
              amount: typeof dispute.amount === "number" ? dispute.amount : null,
              currency: str(dispute.currency),
              created_at: new Date(event.row.stripe_created_at).toISOString(),
            },
          },
        }
      })
    )
  })

  const outcome = transform({ event, found }, ({ event, found }) => {
    const status: StripeEventStatus = RECORD_ONLY_TYPES.includes(event.row.type)
      ? "recorded"
      : found
        ? "processed"
        : "ignored"
    return { id: event.row.id, status, order_id: found?.order_id ?? null }
  })
  markStripeEventStep(outcome)

  when("unlock-order-payment", { found }, ({ found }) => !!found).then(() => {
    releaseLockStep({ key: lockKey })
    // A failure or the intent's status lives in the order's metadata, which no Medusa event announces.
    emitEventStep({
      eventName: ORDER_PAYMENT_STATUS_CHANGED,
      data: transform({ found }, ({ found }) => ({ id: found!.order_id })),
    }).config({ name: "announce-stripe-event" })
  })
  return new WorkflowResponse(outcome)
})

/**
 * Runs the workflow for a recorded event; a failure is written on the event
 * (attempts, last error) and rethrown, so the event bus and the retry job
 * try again.
 */
export async function processStripeEvent(container: MedusaContainer, id: string) {
  try {
    const { result } = await processStripeEventWorkflow(container).run({ input: { id } })
    return result
  } catch (e) {
    const events: StripeEventModuleService = container.resolve(STRIPE_EVENT_MODULE)
    const [row] = await events.listStripeEvents({ id }, { select: ["id", "attempts"] })
    if (row) {
      await events.updateStripeEvents({
        id,
        status: "failed",
        attempts: row.attempts + 1,
        last_error: String((e as Error)?.message ?? e).slice(0, 500),
      })
    }
    throw e
  }
}

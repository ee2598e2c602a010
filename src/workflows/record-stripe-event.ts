import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { STRIPE_EVENT_RECEIVED } from "../lib/stripe-events"
import { recordStripeEventStep, StripeEventInput } from "./steps/record-stripe-event"

export const recordStripeEventWorkflowId = "record-stripe-event"

/**
 * A verified Stripe event: recorded once, then handed to the worker
 * (`stripe.event_received`), so the webhook answers at once and the work that
 * can fail (capture, emails) runs and retries there.
 */
export const recordStripeEventWorkflow = createWorkflow(recordStripeEventWorkflowId, (event: StripeEventInput) => {
  const recorded = recordStripeEventStep(event)
  when("stripe-event-is-new", { recorded }, ({ recorded }) => !recorded.replay).then(() => {
    emitEventStep({
      eventName: STRIPE_EVENT_RECEIVED,
      data: transform({ recorded }, ({ recorded }) => ({ id: recorded.id })),
    })
  })
  return new WorkflowResponse(recorded)
})

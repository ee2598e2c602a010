import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { StripeEventStatus } from "../../lib/stripe-events"
import { STRIPE_EVENT_MODULE } from "../../modules/stripe-event"
import type StripeEventModuleService from "../../modules/stripe-event/service"

export type MarkStripeEventInput = { id: string; status: StripeEventStatus; order_id: string | null }

export const markStripeEventStepId = "mark-stripe-event"

/** Records what became of a Stripe event; the compensation restores its earlier state. */
export const markStripeEventStep = createStep(
  markStripeEventStepId,
  async (input: MarkStripeEventInput, { container }) => {
    const events: StripeEventModuleService = container.resolve(STRIPE_EVENT_MODULE)
    const before = await events.retrieveStripeEvent(input.id, {
      select: ["id", "status", "order_id", "processed_at", "attempts", "last_error"],
    })
    await events.updateStripeEvents({
      id: input.id,
      status: input.status,
      order_id: input.order_id,
      processed_at: new Date(),
      attempts: before.attempts + 1,
      last_error: null,
    })
    return new StepResponse(undefined, before)
  },
  async (before, { container }) => {
    if (!before) return
    const events: StripeEventModuleService = container.resolve(STRIPE_EVENT_MODULE)
    await events.updateStripeEvents({
      id: before.id,
      status: before.status,
      order_id: before.order_id,
      processed_at: before.processed_at,
      attempts: before.attempts,
      last_error: before.last_error,
    })
  }
)

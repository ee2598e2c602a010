import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STRIPE_EVENT_MODULE } from "../../modules/stripe-event"
import type StripeEventModuleService from "../../modules/stripe-event/service"
import { withoutPersonalData } from "../../lib/personal-data"

export type StripeEventInput = {
  id: string
  type: string
  created: number
  data: { object: { id?: string } & Record<string, unknown> }
} & Record<string, unknown>

export const recordStripeEventStepId = "record-stripe-event"

/**
 * Keeps a verified Stripe event once (unique event id): `replay` is true when
 * the event was recorded before, and nothing else happens then. The
 * compensation removes a row this run created.
 */
export const recordStripeEventStep = createStep(
  recordStripeEventStepId,
  async (event: StripeEventInput, { container }) => {
    const events: StripeEventModuleService = container.resolve(STRIPE_EVENT_MODULE)
    const [known] = await events.listStripeEvents({ event_id: event.id }, { select: ["id"] })
    if (known) {
      return new StepResponse({ replay: true, id: known.id }, null)
    }
    try {
      const created = await events.createStripeEvents({
        event_id: event.id,
        type: event.type,
        object_id: typeof event.data?.object?.id === "string" ? event.data.object.id : null,
        stripe_created_at: new Date(event.created * 1000),
        // Billing details, shipping, receipt email: nothing our handlers read, so never kept.
        payload: withoutPersonalData(event),
      })
      return new StepResponse({ replay: false, id: created.id }, created.id)
    } catch (e) {
      // A parallel delivery of the same event won the unique index.
      const [winner] = await events.listStripeEvents({ event_id: event.id }, { select: ["id"] })
      if (winner) {
        return new StepResponse({ replay: true, id: winner.id }, null)
      }
      throw e
    }
  },
  async (createdId, { container }) => {
    if (!createdId) return
    const events: StripeEventModuleService = container.resolve(STRIPE_EVENT_MODULE)
    await events.deleteStripeEvents(createdId)
  }
)

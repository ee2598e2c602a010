import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STRIPE_EVENT_MODULE } from "../../modules/stripe-event"
import type StripeEventModuleService from "../../modules/stripe-event/service"
import { withoutPersonalData } from "../../lib/personal-data"
import type { ErasureTargets } from "./find-erasure-targets"

type Row = { id: string; payload: Record<string, unknown> }

export const scrubCustomerStripeEventsStepId = "scrub-customer-stripe-events"

/**
 * The recorded Stripe events of the customer's orders keep their type, ids,
 * amounts and statuses but lose the personal fields of their payloads (events
 * recorded before payloads were minimised on arrival still carry them).
 * Compensation restores the payloads.
 */
export const scrubCustomerStripeEventsStep = createStep(
  scrubCustomerStripeEventsStepId,
  async (targets: ErasureTargets, { container }) => {
    if (!targets.order_ids.length) return new StepResponse(0, [] as Row[])
    const events: StripeEventModuleService = container.resolve(STRIPE_EVENT_MODULE)
    const rows = (await events.listStripeEvents(
      { order_id: targets.order_ids },
      { select: ["id", "payload"], take: null }
    )) as unknown as Row[]
    if (rows.length) {
      await events.updateStripeEvents(
        rows.map((r) => ({ id: r.id, payload: withoutPersonalData(r.payload) }))
      )
    }
    return new StepResponse(rows.length, rows)
  },
  async (rows, { container }) => {
    if (!rows?.length) return
    const events: StripeEventModuleService = container.resolve(STRIPE_EVENT_MODULE)
    await events.updateStripeEvents(rows)
  }
)

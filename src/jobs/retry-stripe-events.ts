import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { runAsJob } from "../lib/observability/log-context"
import { STRIPE_EVENT_MAX_ATTEMPTS } from "../lib/stripe-events"
import { STRIPE_EVENT_MODULE } from "../modules/stripe-event"
import type StripeEventModuleService from "../modules/stripe-event/service"
import { processStripeEvent } from "../workflows/process-stripe-event"

// An event the worker has not finished this long after its last try is tried again.
const RETRY_AFTER_MS = 60 * 1000
const BATCH = 50

/**
 * Every minute: Stripe events that failed (or were never processed, e.g. the
 * worker was down) are tried again, up to STRIPE_EVENT_MAX_ATTEMPTS times
 * each; then they wait in Admin for an operator.
 */
export default async function retryStripeEvents(container: MedusaContainer) {
  await runAsJob(config.name, () => retry(container), container.resolve(ContainerRegistrationKeys.LOGGER))
}

async function retry(container: MedusaContainer) {
  const events: StripeEventModuleService = container.resolve(STRIPE_EVENT_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const due = await events.listStripeEvents(
    {
      status: ["received", "failed"],
      attempts: { $lt: STRIPE_EVENT_MAX_ATTEMPTS },
      updated_at: { $lt: new Date(Date.now() - RETRY_AFTER_MS) },
    },
    { select: ["id", "event_id"], take: BATCH, order: { created_at: "ASC" } }
  )
  for (const event of due) {
    try {
      await processStripeEvent(container, event.id)
    } catch (e) {
      logger.warn(`Stripe event ${event.event_id} failed again: ${String((e as Error)?.message ?? e).slice(0, 200)}`)
    }
  }
}

export const config = {
  name: "retry-stripe-events",
  schedule: "* * * * *",
}

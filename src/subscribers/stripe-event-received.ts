import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { STRIPE_EVENT_RECEIVED } from "../lib/stripe-events"
import { processStripeEvent } from "../workflows/process-stripe-event"

/**
 * The worker applies each new Stripe event to its order. A failure is
 * written on the event and retried (by the Redis event bus, and by the
 * retry-stripe-events job in every setup).
 */
export default async function stripeEventReceived({ event, container }: SubscriberArgs<{ id: string | null }>) {
  if (event.data?.id) {
    await processStripeEvent(container, event.data.id)
  }
}

export const config: SubscriberConfig = {
  event: STRIPE_EVENT_RECEIVED,
  context: { subscriberId: "stripe-event-received" },
}

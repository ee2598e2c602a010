import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { sendOrderConfirmationWorkflow } from "../workflows/send-order-confirmation"

/**
 * The shopper's confirmation email, from the worker (subscribers run only in
 * worker and shared processes). Sent once per order however often the event
 * arrives: the workflow's notification carries an idempotency key.
 */
export default async function orderPlacedConfirmation({ event, container }: SubscriberArgs<{ id: string }>) {
  await sendOrderConfirmationWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "order-placed-confirmation" },
}

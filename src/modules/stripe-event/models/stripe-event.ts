import { model } from "@medusajs/framework/utils"
import { STRIPE_EVENT_STATUSES } from "../../../lib/stripe-events"

/**
 * One row per Stripe event id: the unique `event_id` makes each event count
 * once however often Stripe delivers it.
 */
const StripeEvent = model
  .define("stripe_event", {
    id: model.id({ prefix: "stev" }).primaryKey(),
    event_id: model.text().unique(),
    type: model.text(),
    /** The event's object (a PaymentIntent, dispute, invoice or subscription id). */
    object_id: model.text().nullable(),
    status: model.enum([...STRIPE_EVENT_STATUSES]).default("received"),
    attempts: model.number().default(0),
    last_error: model.text().nullable(),
    /** The order the event was applied to, once known. */
    order_id: model.text().nullable(),
    /** When Stripe created the event (its `created`), to order attempts and failures. */
    stripe_created_at: model.dateTime(),
    processed_at: model.dateTime().nullable(),
    payload: model.json(),
  })
  .indexes([{ on: ["status"] }, { on: ["object_id"] }])

export default StripeEvent

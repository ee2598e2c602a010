import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STRIPE_EVENT_MODULE } from "../../modules/stripe-event"
import type StripeEventModuleService from "../../modules/stripe-event/service"
import type { ErasureTargets } from "./find-erasure-targets"

/**
 * Keys of Stripe objects that carry a person (a charge's billing details, an
 * intent's shipping and receipt email, a checkout's customer details). Their
 * values become null wherever they sit in a payload; ids, amounts, statuses
 * and codes stay, for the payment history.
 */
const PERSONAL_KEYS = new Set([
  "billing_details",
  "shipping",
  "shipping_details",
  "receipt_email",
  "customer_details",
  "customer_email",
  "customer_name",
  "customer_phone",
  "customer_address",
  "email",
  "name",
  "phone",
  "address",
])

export function withoutPersonalData(value: unknown, depth = 0): unknown {
  if (!value || typeof value !== "object" || depth > 12) return value
  if (Array.isArray(value)) return value.map((v) => withoutPersonalData(v, depth + 1))
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, PERSONAL_KEYS.has(key) ? null : withoutPersonalData(v, depth + 1)])
  )
}

type Row = { id: string; payload: Record<string, unknown> }

export const scrubCustomerStripeEventsStepId = "scrub-customer-stripe-events"

/**
 * The recorded Stripe events of the customer's orders keep their type, ids,
 * amounts and statuses but lose the personal fields of their payloads.
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
        rows.map((r) => ({ id: r.id, payload: withoutPersonalData(r.payload) as Record<string, unknown> }))
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

import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STRIPE_EVENT_MODULE } from "../../../modules/stripe-event"
import type StripeEventModuleService from "../../../modules/stripe-event/service"
import { STRIPE_EVENT_ADMIN_FIELDS, STRIPE_EVENT_ADMIN_ORDER } from "./fields"
import type { AdminListStripeEventsQuery } from "./validators"

/** Recorded Stripe events, newest first; `?status=failed` finds the ones an operator must look at. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { status, type, order_id, limit, offset } = req.validatedQuery as AdminListStripeEventsQuery
  const events: StripeEventModuleService = req.scope.resolve(STRIPE_EVENT_MODULE)
  const [stripe_events, count] = await events.listAndCountStripeEvents(
    { ...(status ? { status } : {}), ...(type ? { type } : {}), ...(order_id ? { order_id } : {}) },
    { select: [...STRIPE_EVENT_ADMIN_FIELDS], skip: offset, take: limit, order: STRIPE_EVENT_ADMIN_ORDER }
  )
  res.json({ stripe_events, count, limit, offset })
}

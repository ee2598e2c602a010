import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { STRIPE_EVENT_MODULE } from "../../../../../modules/stripe-event"
import type StripeEventModuleService from "../../../../../modules/stripe-event/service"
import { STRIPE_EVENT_ADMIN_FIELDS, STRIPE_EVENT_ADMIN_ORDER } from "../../../stripe-events/fields"

// An order sees a handful of events (attempts, retries, a dispute); more is not one order's story.
const MAX_EVENTS = 100

type SessionRow = { provider_id?: string; data?: { id?: unknown } | null }

/**
 * The Stripe events of one order: those applied to it, and those about its
 * PaymentIntent that were not applied (yet), such as one still failing.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "payment_collections.payment_sessions.provider_id", "payment_collections.payment_sessions.data"],
    filters: { id: req.params.id },
  })
  const order = orders[0]
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${req.params.id.slice(0, 100)} was not found`)
  }
  const intentIds = ((order.payment_collections ?? []) as { payment_sessions?: SessionRow[] | null }[])
    .flatMap((collection) => collection?.payment_sessions ?? [])
    .filter((session) => session?.provider_id?.startsWith("pp_stripe"))
    .map((session) => session.data?.id)
    .filter((id): id is string => typeof id === "string")

  const events: StripeEventModuleService = req.scope.resolve(STRIPE_EVENT_MODULE)
  const [stripe_events, count] = await events.listAndCountStripeEvents(
    { $or: [{ order_id: order.id }, ...(intentIds.length ? [{ object_id: intentIds }] : [])] },
    { select: [...STRIPE_EVENT_ADMIN_FIELDS], take: MAX_EVENTS, order: STRIPE_EVENT_ADMIN_ORDER }
  )
  res.json({ stripe_events, count })
}

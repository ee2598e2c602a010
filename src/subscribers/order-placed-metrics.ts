import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { isKnownCurrency, toMinorUnits } from "../lib/money"
import { metrics } from "../lib/observability/metrics"

/**
 * Counts each order.placed in the process that handles it (the worker), with
 * its total in minor units. These counters are per process and restart at 0
 * (Prometheus' rate() copes); the database-backed skinior_orders_placed and
 * skinior_revenue_minor gauges are the running totals.
 */
export default async function orderPlacedMetrics({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["currency_code", "total"], filters: { id: event.data.id } })
  const order = data[0] as { currency_code?: string; total?: unknown } | undefined
  if (!order?.currency_code || !isKnownCurrency(order.currency_code)) return
  const currency = order.currency_code.toUpperCase()
  const m = metrics()
  m.ordersPlacedEvents.inc({ currency })
  m.revenueEvents.inc({ currency }, toMinorUnits((order.total ?? 0) as number, currency))
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "order-placed-metrics" },
}

import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client"

/**
 * One Prometheus registry per process. Request figures are this process's
 * own (Prometheus sums them over instances); business figures are read from
 * the database at scrape time (see shop-figures.ts), so every instance
 * reports the same truth: aggregate them with max(), not sum().
 */

// Seconds; Medusa answers most requests in 5-200 ms, checkout in up to a few seconds.
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

type Metrics = {
  registry: Registry
  httpDuration: Histogram<"method" | "route" | "status">
  httpErrors: Counter<"method" | "route" | "status">
  ordersPlacedEvents: Counter<"currency">
  revenueEvents: Counter<"currency">
}

function create(): Metrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  return {
    registry,
    httpDuration: new Histogram({
      name: "http_request_duration_seconds",
      help: "Time to answer, by matched route pattern (never the raw URL), method and status",
      labelNames: ["method", "route", "status"],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    httpErrors: new Counter({
      name: "http_request_errors_total",
      help: "Answers with status 400 or more, by matched route pattern, method and status",
      labelNames: ["method", "route", "status"],
      registers: [registry],
    }),
    ordersPlacedEvents: new Counter({
      name: "skinior_order_placed_events_total",
      help: "order.placed events handled by this process (the worker), by currency",
      labelNames: ["currency"],
      registers: [registry],
    }),
    revenueEvents: new Counter({
      name: "skinior_order_placed_revenue_minor_total",
      help: "Order totals of order.placed events handled by this process, in the currency's minor unit",
      labelNames: ["currency"],
      registers: [registry],
    }),
  }
}

// On globalThis: Medusa may load a file twice (routes, subscribers, HMR), and
// prom-client refuses a second metric of one name.
const KEY = Symbol.for("skinior.metrics")
const holder = globalThis as unknown as Record<symbol, Metrics | undefined>

export function metrics(): Metrics {
  return (holder[KEY] ??= create())
}

/** Registers a gauge whose values come from `read` at scrape time (once per name). */
export function registerScrapeGauge(
  name: string,
  help: string,
  labelNames: string[],
  read: (gauge: Gauge<string>) => Promise<void>
) {
  const { registry } = metrics()
  if (registry.getSingleMetric(name)) return
  new Gauge({
    name,
    help,
    labelNames,
    registers: [registry],
    async collect() {
      await read(this)
    },
  })
}

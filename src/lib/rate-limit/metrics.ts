import { Counter } from "prom-client"
import { metrics } from "../observability/metrics"

type RateLimitMetrics = { refused: Counter<"limit">; storeFailures: Counter<string> }

// On globalThis like the registry itself: a file loaded twice must not register a metric twice.
const KEY = Symbol.for("skinior.metrics.rate-limit")
const holder = globalThis as unknown as Record<symbol, RateLimitMetrics | undefined>

function rateLimitMetrics(): RateLimitMetrics {
  const existing = holder[KEY]
  if (existing) return existing
  const { registry } = metrics()
  const created: RateLimitMetrics = {
    refused: new Counter({
      name: "skinior_rate_limited_total",
      help: "Requests answered 429 by the rate limiter, by the limit that refused them",
      labelNames: ["limit"],
      registers: [registry],
    }),
    storeFailures: new Counter({
      name: "skinior_rate_limit_store_failures_total",
      help: "Rate-limit store failures (calls that failed or timed out, and Redis connection errors); requests meanwhile were let through",
      registers: [registry],
    }),
  }
  holder[KEY] = created
  return created
}

export const countRefused = (limit: string) => rateLimitMetrics().refused.inc({ limit })
export const countStoreFailure = () => rateLimitMetrics().storeFailures.inc()

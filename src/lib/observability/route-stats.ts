import { metrics } from "./metrics"

export type RouteStat = {
  method: string
  route: string
  requests: number
  client_errors: number
  server_errors: number
  error_rate: number
  p95_ms: number
}

type Bucket = { le: number; count: number }

/**
 * The q-quantile of a cumulative histogram, interpolated linearly inside its
 * bucket as Prometheus' histogram_quantile does; in the +Inf bucket it is the
 * highest finite bound.
 */
export function quantile(q: number, buckets: Bucket[]): number {
  const sorted = [...buckets].sort((a, b) => a.le - b.le)
  const total = sorted.at(-1)?.count ?? 0
  if (!total) return 0
  const rank = q * total
  let lower = 0
  let below = 0
  for (const { le, count } of sorted) {
    if (count >= rank) {
      if (!Number.isFinite(le)) return lower
      const inBucket = count - below
      return inBucket ? lower + (le - lower) * ((rank - below) / inBucket) : le
    }
    if (Number.isFinite(le)) lower = le
    below = count
  }
  return lower
}

const MAX_ROUTES = 100

/** Per route and method, this process's answers since it started: count, errors, p95 latency. Busiest first. */
export async function routeStats(): Promise<RouteStat[]> {
  const { values } = await metrics().httpDuration.get()
  type Acc = { method: string; route: string; requests: number; client: number; server: number; buckets: Map<number, number> }
  const byRoute = new Map<string, Acc>()
  for (const { labels, value, metricName } of values) {
    const method = String(labels.method)
    const route = String(labels.route)
    const key = `${method} ${route}`
    const acc = byRoute.get(key) ?? { method, route, requests: 0, client: 0, server: 0, buckets: new Map() }
    byRoute.set(key, acc)
    const status = Number(labels.status)
    if (metricName?.endsWith("_count")) {
      acc.requests += value
      if (status >= 500) acc.server += value
      else if (status >= 400) acc.client += value
    } else if (metricName?.endsWith("_bucket")) {
      const bound = (labels as { le?: string | number }).le
      const le = bound === "+Inf" ? Infinity : Number(bound)
      acc.buckets.set(le, (acc.buckets.get(le) ?? 0) + value)
    }
  }
  return [...byRoute.values()]
    .map((a) => ({
      method: a.method,
      route: a.route,
      requests: a.requests,
      client_errors: a.client,
      server_errors: a.server,
      error_rate: a.requests ? Math.round((a.server / a.requests) * 10000) / 10000 : 0,
      p95_ms: Math.round(quantile(0.95, [...a.buckets].map(([le, count]) => ({ le, count }))) * 1000),
    }))
    .sort((x, y) => y.requests - x.requests || x.route.localeCompare(y.route))
    .slice(0, MAX_ROUTES)
}

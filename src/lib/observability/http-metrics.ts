import type { IncomingMessage, ServerResponse } from "node:http"
import { metrics } from "./metrics"

type ObservedRequest = IncomingMessage & {
  method?: string
  baseUrl?: string
  route?: { path?: unknown }
  _startAt?: [number, number]
}

const OBSERVED = Symbol.for("skinior.metrics.observed")
const MAX_ROUTE = 200

/**
 * The label of a request: the pattern of the route express matched (e.g.
 * /api/v1/orders/:id), never the URL with its ids, so the label set stays
 * bounded. "unmatched" when no route took the request (404s of unknown paths).
 */
export function routeLabel(req: ObservedRequest): string {
  const path = req.route?.path
  if (typeof path !== "string") return "unmatched"
  return `${req.baseUrl ?? ""}${path}`.slice(0, MAX_ROUTE)
}

/**
 * Times the request from when express first saw it (morgan, which Medusa
 * mounts first, stamps req._startAt) to the end of the answer, and counts
 * answers of 400 and above. Idempotent per request.
 */
export function observeRequest(req: ObservedRequest, res: ServerResponse) {
  const marked = res as ServerResponse & { [OBSERVED]?: true }
  if (marked[OBSERVED]) return
  marked[OBSERVED] = true
  const start = Array.isArray(req._startAt) ? req._startAt : process.hrtime()
  res.once("finish", () => {
    const [s, ns] = process.hrtime(start)
    const labels = { method: req.method ?? "GET", route: routeLabel(req), status: String(res.statusCode) }
    const m = metrics()
    m.httpDuration.observe(labels, s + ns / 1e9)
    if (res.statusCode >= 400) m.httpErrors.inc(labels)
  })
}

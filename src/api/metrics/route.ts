import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createHash, timingSafeEqual } from "node:crypto"
import { metrics } from "../../lib/observability/metrics"
import { registerShopMetrics } from "../../lib/observability/shop-metrics"

const digest = (value: string) => createHash("sha256").update(value).digest()

/** Compares digests so neither the token's length nor its prefix leaks through timing. */
function tokenMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer ([^\s]{1,512})$/.exec(header ?? "")
  return !!match && timingSafeEqual(digest(match[1]), digest(token))
}

/**
 * Prometheus exposition. Never public by accident: with METRICS_TOKEN unset
 * the endpoint does not exist (404, in every environment); with it set, a
 * scrape must send `Authorization: Bearer <METRICS_TOKEN>` (401 otherwise).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const token = process.env.METRICS_TOKEN
  if (!token) {
    res.status(404).type("text/plain").send("Not Found")
    return
  }
  if (!tokenMatches(req.get("authorization"), token)) {
    res.status(401).setHeader("WWW-Authenticate", 'Bearer realm="metrics"')
    res.type("text/plain").send("Unauthorized")
    return
  }
  registerShopMetrics(req.scope)
  const { registry } = metrics()
  res.setHeader("Cache-Control", "no-store")
  res.setHeader("Content-Type", registry.contentType)
  res.send(await registry.metrics())
}

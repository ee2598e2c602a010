import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readShopDays } from "../../../lib/observability/shop-figures"
import { shopTotals } from "../../../lib/observability/shop-metrics"
import { routeStats } from "../../../lib/observability/route-stats"

const DAYS = 14
const STARTED_AT = new Date(Date.now() - process.uptime() * 1000).toISOString()

/**
 * The Admin "Shop health" page's data. Business figures come from the
 * database (the same as /metrics); route latency and errors are this server
 * instance's since it started (Prometheus holds them for every instance).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const [totals, days, routes] = await Promise.all([
    shopTotals(req.scope),
    readShopDays(req.scope, DAYS),
    routeStats(),
  ])
  res.json({
    shop_health: {
      generated_at: new Date().toISOString(),
      totals,
      days,
      routes,
      routes_since: STARTED_AT,
    },
  })
}

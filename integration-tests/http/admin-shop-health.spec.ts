import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import Medusa from "@medusajs/js-sdk"
import { calendarDays } from "../../src/lib/observability/shop-figures"
import { adminHeaders } from "../helpers/admin"
import { seedShop, SeededVariant } from "../helpers/catalogue"
import { expireCart, jordanCart, placeJordanOrder } from "../helpers/store-checkout"

jest.setTimeout(180 * 1000)

process.env.METRICS_CACHE_SECONDS = "0"

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let sdk: Medusa
    let serum: SeededVariant // 30 ml: 21.50 JOD
    let serum50: SeededVariant // 50 ml: 29.90 JOD

    beforeAll(async () => {
      const shop = await seedShop(getContainer())
      serum = shop.variant("SKN-SER-VC-30")
      serum50 = shop.variant("SKN-SER-VC-50")
      sdk = new Medusa({ baseUrl: api.defaults.baseURL as string, publishableKey: shop.publishableKey })
    })

    it("is for admins only (401 without a session or token)", async () => {
      const res = await api.get("/admin/shop-health", { validateStatus: () => true })
      expect(res.status).toBe(401)
    })

    it("draws the shop: 14 days of orders and revenue, completion and abandonment, latency and errors per route", async () => {
      await placeJordanOrder(sdk, [[serum.id, 2], [serum50.id, 1]], "lina.health@example.com")
      await expireCart(getContainer(), await jordanCart(sdk, [[serum.id, 1]]))
      const headers = await adminHeaders(api)
      // One failing request, so a route shows an error.
      expect((await api.get("/api/v1/orders/order_missing", { validateStatus: () => true })).status).toBe(404)

      const res = await api.get("/admin/shop-health", { headers })
      expect(res.status).toBe(200)
      const health = res.data.shop_health
      expect(health.totals).toEqual({
        carts_created: 2,
        carts_with_items: 2,
        carts_completed: 1,
        carts_abandoned: 1,
        orders_placed: 1,
        completion_rate: 0.5,
        abandonment_rate: 0.5,
        revenue: [{ currency: "JOD", amount: 77900 }],
      })
      expect(health.days.map((d: { date: string }) => d.date)).toEqual(calendarDays(new Date(), 14))
      expect(health.days.slice(0, 13).every((d: { orders: number; revenue: unknown[] }) => d.orders === 0 && d.revenue.length === 0)).toBe(true)
      expect(health.days[13]).toEqual({ date: calendarDays(new Date(), 1)[0], orders: 1, revenue: [{ currency: "JOD", amount: 77900 }] })

      const complete = health.routes.find((r: { method: string; route: string }) => r.method === "POST" && r.route === "/store/carts/:id/complete")
      expect(complete).toMatchObject({ requests: 1, client_errors: 0, server_errors: 0, error_rate: 0 })
      expect(complete.p95_ms).toBeGreaterThan(0)
      const missing = health.routes.find((r: { method: string; route: string }) => r.method === "GET" && r.route === "/api/v1/orders/:id")
      expect(missing).toMatchObject({ requests: 1, client_errors: 1, server_errors: 0, error_rate: 0 })
      expect(Date.parse(health.routes_since)).toBeLessThan(Date.now())
    })
  },
})

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import Medusa from "@medusajs/js-sdk"
import removeExpiredCarts from "../../src/jobs/remove-expired-carts"
import { seedShop, SeededVariant } from "../helpers/catalogue"
import { eventually } from "../helpers/eventually"
import { expireCart, jordanCart, placeJordanOrder } from "../helpers/store-checkout"

jest.setTimeout(180 * 1000)

// Business figures are read from the database on every scrape here (default: cached 15 s).
process.env.METRICS_CACHE_SECONDS = "0"
const TOKEN = "metrics-test-token-0123456789"

/** The value of one sample of the exposition, `undefined` when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line)
    if (!match || match[1] !== name) continue
    const found = Object.fromEntries([...(match[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]))
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3])
  }
  return undefined
}

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let sdk: Medusa
    let publishableKey: string
    let serum: SeededVariant // 30 ml: 21.50 JOD
    let serum50: SeededVariant // 50 ml: 29.90 JOD

    beforeAll(async () => {
      const shop = await seedShop(getContainer())
      publishableKey = shop.publishableKey
      serum = shop.variant("SKN-SER-VC-30")
      serum50 = shop.variant("SKN-SER-VC-50")
      sdk = new Medusa({ baseUrl: api.defaults.baseURL as string, publishableKey })
    })

    beforeEach(() => {
      process.env.METRICS_TOKEN = TOKEN
    })
    afterAll(() => {
      delete process.env.METRICS_TOKEN
    })

    const scrape = async () => {
      const res = await api.get("/metrics", { headers: { authorization: `Bearer ${TOKEN}` } })
      expect(res.status).toBe(200)
      return res.data as string
    }

    it("without METRICS_TOKEN the endpoint does not exist (404), whatever is sent", async () => {
      delete process.env.METRICS_TOKEN
      const bare = await api.get("/metrics", { validateStatus: () => true })
      expect(bare.status).toBe(404)
      expect(bare.data).toBe("Not Found")
      const guessed = await api.get("/metrics", { headers: { authorization: "Bearer " }, validateStatus: () => true })
      expect(guessed.status).toBe(404)
    })

    it("with METRICS_TOKEN: 401 without the Bearer token or with a wrong one, 200 Prometheus text with it", async () => {
      for (const authorization of [undefined, "Bearer wrong-token", `Basic ${Buffer.from(`x:${TOKEN}`).toString("base64")}`, `Bearer ${TOKEN}x`, TOKEN]) {
        const res = await api.get("/metrics", { headers: authorization ? { authorization } : {}, validateStatus: () => true })
        expect(res.status).toBe(401)
        expect(res.headers["www-authenticate"]).toBe('Bearer realm="metrics"')
        expect(res.data).toBe("Unauthorized")
      }
      const ok = await api.get("/metrics", { headers: { authorization: `Bearer ${TOKEN}` } })
      expect(ok.status).toBe(200)
      expect(ok.headers["content-type"]).toBe("text/plain; charset=utf-8; version=0.0.4")
      expect(ok.headers["cache-control"]).toBe("no-store")
      // Node process figures.
      expect(sample(ok.data, "process_cpu_user_seconds_total")).toBeGreaterThan(0)
      expect(sample(ok.data, "nodejs_heap_size_used_bytes")).toBeGreaterThan(0)
      expect(ok.data).toContain("# TYPE http_request_duration_seconds histogram")
    })

    it("latency histograms and error counts are labelled with the route pattern and status, never the ids", async () => {
      const orderId = "order_01METRICSNOTAREALID000000"
      const missing = await api.get(`/api/v1/orders/${orderId}`, { validateStatus: () => true })
      expect(missing.status).toBe(404)
      const product = await api.get(`/store/products/${serum.productId}`, { headers: { "x-publishable-api-key": publishableKey } })
      expect(product.status).toBe(200)
      const unknown = await api.get("/api/v1/no-such-route/abc123", { validateStatus: () => true })
      expect(unknown.status).toBe(404)

      const text = await scrape()
      expect(text).not.toContain(orderId)
      expect(text).not.toContain(serum.productId)
      expect(text).not.toContain("abc123")
      const order404 = { method: "GET", route: "/api/v1/orders/:id", status: "404" }
      expect(sample(text, "http_request_duration_seconds_count", order404)).toBe(1)
      expect(sample(text, "http_request_duration_seconds_bucket", { ...order404, le: "+Inf" })).toBe(1)
      expect(sample(text, "http_request_errors_total", order404)).toBe(1)
      const product200 = { method: "GET", route: "/store/products/:id", status: "200" }
      expect(sample(text, "http_request_duration_seconds_count", product200)).toBe(1)
      expect(sample(text, "http_request_errors_total", product200)).toBeUndefined()
      expect(sample(text, "http_request_errors_total", { method: "GET", route: "unmatched", status: "404" })).toBe(1)
      // The request id reaches the caller on every route, not only /api/v1.
      expect(product.headers["x-request-id"]).toMatch(/^req_[0-9a-f]{32}$/)
    })

    it("business figures come from the database: carts created and abandoned (expired with items), orders, completion rate, revenue per currency", async () => {
      const before = await scrape()
      const figure = (text: string, name: string, labels?: Record<string, string>) => sample(text, name, labels) ?? 0

      // One JOD order: 2 x 21.50 + 29.90 + 5 standard delivery = 77.900 JOD (GST included).
      await placeJordanOrder(sdk, [[serum.id, 2], [serum50.id, 1]], "lina.metrics@example.com")
      // One cart with a line left to expire, and one empty cart expired: only the first is abandoned.
      const left = await jordanCart(sdk, [[serum.id, 1]])
      const empty = await jordanCart(sdk, [])
      await expireCart(getContainer(), left)
      await expireCart(getContainer(), empty)

      const after = await scrape()
      const delta = (name: string, labels?: Record<string, string>) => figure(after, name, labels) - figure(before, name, labels)
      expect(delta("skinior_carts_created")).toBe(3)
      expect(delta("skinior_carts_with_items")).toBe(2)
      expect(delta("skinior_carts_completed")).toBe(1)
      expect(delta("skinior_carts_abandoned")).toBe(1)
      expect(delta("skinior_orders_placed")).toBe(1)
      expect(delta("skinior_revenue_minor", { currency: "JOD" })).toBe(77900)
      expect(delta("skinior_revenue_minor", { currency: "USD" })).toBe(0)
      const withItems = figure(after, "skinior_carts_with_items")
      expect(figure(after, "skinior_order_completion_ratio")).toBe(Math.round((figure(after, "skinior_carts_completed") / withItems) * 10000) / 10000)
      expect(figure(after, "skinior_cart_abandonment_ratio")).toBe(Math.round((figure(after, "skinior_carts_abandoned") / withItems) * 10000) / 10000)

      // The hourly job removes the expired carts; the abandoned one is still counted.
      await removeExpiredCarts(getContainer())
      const swept = await scrape()
      expect(figure(swept, "skinior_carts_abandoned") - figure(before, "skinior_carts_abandoned")).toBe(1)
      expect(figure(swept, "skinior_carts_created") - figure(before, "skinior_carts_created")).toBe(3)

      // The worker (here: this process) counts order.placed events with their totals in fils.
      await eventually(async () => {
        const text = await scrape()
        expect(figure(text, "skinior_order_placed_events_total", { currency: "JOD" }) - figure(before, "skinior_order_placed_events_total", { currency: "JOD" })).toBe(1)
        expect(figure(text, "skinior_order_placed_revenue_minor_total", { currency: "JOD" }) - figure(before, "skinior_order_placed_revenue_minor_total", { currency: "JOD" })).toBe(77900)
      })
    })
  },
})

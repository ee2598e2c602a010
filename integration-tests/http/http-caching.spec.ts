import { createHash } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders } from "../helpers/admin"
import { ammanAddress } from "../helpers/addresses"
import { seedShop } from "../helpers/catalogue"
import { eventually } from "../helpers/eventually"

jest.setTimeout(180 * 1000)

const PUBLIC = "public, max-age=0, s-maxage=30, stale-while-revalidate=60"
const PRIVATE = "private, no-store"
// The raw body, so the ETag can be checked against the exact bytes sent.
const raw = { validateStatus: () => true, transformResponse: [(data: unknown) => data] }
const anyStatus = { validateStatus: () => true }
const sha1Tag = (text: string) => `"${createHash("sha1").update(text, "utf8").digest("base64url")}"`

/** ETag, Cache-Control and 304s on the catalogue; no-store on everything private. */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let shop: Awaited<ReturnType<typeof seedShop>>
    let serumId: string
    let reviewsUrl: string

    beforeAll(async () => {
      shop = await seedShop(getContainer())
      serumId = shop.variant("SKN-SER-VC-30").productId
      reviewsUrl = `/api/v1/products/${serumId}/reviews`
    })

    const get = (url: string, headers: Record<string, string> = {}) => api.get(url, { headers, ...raw })

    describe("catalogue answers", () => {
      const urls = () => [
        "/api/v1/products",
        "/api/v1/products?currency=JOD&category=serums&limit=5",
        "/api/v1/products/search?q=serum",
        "/api/v1/products/vitamin-c-serum",
        `/api/v1/products/${serumId}`,
        reviewsUrl,
      ]

      it("carry the public Cache-Control and a strong ETag of the exact body, the same on a cached read", async () => {
        for (const url of urls()) {
          const first = await get(url)
          expect([url, first.status]).toEqual([url, 200])
          expect(first.headers["cache-control"]).toBe(PUBLIC)
          expect(first.headers["etag"]).toBe(sha1Tag(first.data))
          expect(first.headers["vary"]).toMatch(/x-publishable-api-key/i)
          expect(first.headers["content-type"]).toBe("application/json; charset=utf-8")
          const again = await get(url)
          expect(again.status).toBe(200)
          expect(again.data).toBe(first.data)
          expect(again.headers["etag"]).toBe(first.headers["etag"])
        }
      })

      it("answer 304 with no body and the same headers when If-None-Match matches, also in a list or weak", async () => {
        for (const url of urls()) {
          const { headers } = await get(url)
          const etag = headers["etag"] as string
          for (const ifNoneMatch of [etag, `W/${etag}`, `"stale-tag", ${etag}`, `W/"stale-tag",W/${etag}`, "*"]) {
            const res = await get(url, { "if-none-match": ifNoneMatch })
            expect([url, ifNoneMatch, res.status]).toEqual([url, ifNoneMatch, 304])
            expect(res.data).toBe("")
            expect(res.headers["etag"]).toBe(etag)
            expect(res.headers["cache-control"]).toBe(PUBLIC)
            expect(res.headers["content-type"]).toBeUndefined()
          }
          const other = await get(url, { "if-none-match": '"stale-tag", W/"another"' })
          expect(other.status).toBe(200)
          expect(other.headers["etag"]).toBe(etag)
          expect(JSON.parse(other.data).data).toBeDefined()
        }
      })

      it("answer a read repeated from its URL (no validation, no channel lookup) with the very bytes and headers", async () => {
        // The first read remembers the channel, the second keeps the answer under its URL, later ones are served from it.
        const origin = { origin: "http://localhost:8000" }
        const varying = new Set(["date", "x-request-id", "connection", "keep-alive"])
        const stable = (headers: Record<string, unknown>) =>
          Object.fromEntries(Object.entries(headers).filter(([name]) => !varying.has(name)))
        for (const url of [...urls(), "/api/v1/products?limit=3&currency=jod"]) {
          const answers = []
          for (let i = 0; i < 4; i++) answers.push(await get(url, origin))
          const [first] = answers
          expect([url, first.status]).toEqual([url, 200])
          expect(first.headers["access-control-allow-origin"]).toBe("http://localhost:8000")
          expect(first.headers["x-content-type-options"]).toBe("nosniff")
          for (const later of answers.slice(1)) {
            expect(later.status).toBe(200)
            expect(later.data).toBe(first.data)
            expect(stable(later.headers)).toEqual(stable(first.headers))
            expect(later.headers["x-request-id"]).toMatch(/^req_/)
            expect(later.headers["x-request-id"]).not.toBe(first.headers["x-request-id"])
          }
        }
        // A bad query is refused however often it is asked.
        for (let i = 0; i < 3; i++) expect((await get("/api/v1/products?limit=101")).status).toBe(400)
      })

      it("answer HEAD with the same ETag and Cache-Control", async () => {
        const { headers } = await get("/api/v1/products/vitamin-c-serum")
        const head = await api.head("/api/v1/products/vitamin-c-serum", anyStatus)
        expect(head.status).toBe(200)
        expect(head.headers["etag"]).toBe(headers["etag"])
        expect(head.headers["cache-control"]).toBe(PUBLIC)
      })

      it("answer 200 with the new product and a new tag after an Admin edit", async () => {
        const before = await get("/api/v1/products/vitamin-c-serum")
        const listBefore = await get("/api/v1/products?category=serums&limit=100")
        const oldTag = before.headers["etag"] as string
        const admin = await adminHeaders(api)
        const edited = await api.post(`/admin/products/${serumId}`, { title: "Vitamin C Bright Serum" }, { headers: admin })
        expect(edited.status).toBe(200)

        const fresh = await eventually(async () => {
          const res = await get("/api/v1/products/vitamin-c-serum", { "if-none-match": oldTag })
          expect(res.status).toBe(200)
          return res
        })
        expect(JSON.parse(fresh.data).data.name).toBe("Vitamin C Bright Serum")
        expect(fresh.headers["etag"]).not.toBe(oldTag)
        expect(fresh.headers["etag"]).toBe(sha1Tag(fresh.data))
        expect((await get("/api/v1/products/vitamin-c-serum", { "if-none-match": fresh.headers["etag"] })).status).toBe(304)

        const list = await get("/api/v1/products?category=serums&limit=100", {
          "if-none-match": listBefore.headers["etag"] as string,
        })
        expect(list.status).toBe(200)
        expect(JSON.parse(list.data).data.find((p: { id: string }) => p.id === serumId).name).toBe("Vitamin C Bright Serum")
      })

      it("keep errors private: an unknown product and a bad query are no-store", async () => {
        const missing = await get("/api/v1/products/no-such-product")
        expect(missing.status).toBe(404)
        expect(missing.headers["cache-control"]).toBe(PRIVATE)
        const bad = await get("/api/v1/products?limit=101")
        expect(bad.status).toBe(400)
        expect(bad.headers["cache-control"]).toBe(PRIVATE)
        const missingReviews = await get("/api/v1/products/prod_nope/reviews")
        expect(missingReviews.status).toBe(404)
        expect(missingReviews.headers["cache-control"]).toBe(PRIVATE)
      })
    })

    describe("private answers", () => {
      it("carts, holds, orders, stock, health, unknown routes, auth and webhooks are private, no-store", async () => {
        const serum = shop.variant("SKN-SER-VC-30")
        const created = await api.post("/api/v1/cart", { currency: "JOD" }, anyStatus)
        expect(created.status).toBe(201)
        expect(created.headers["cache-control"]).toBe(PRIVATE)
        const cartId = created.data.data.id
        const added = await api.post(
          `/api/v1/cart/${cartId}/items`,
          { productId: serum.productId, variantId: serum.id, quantity: 1 },
          anyStatus
        )
        expect(added.status).toBe(200)
        expect(added.headers["cache-control"]).toBe(PRIVATE)
        const cart = await get(`/api/v1/cart/${cartId}`)
        expect(cart.status).toBe(200)
        expect(cart.headers["cache-control"]).toBe(PRIVATE)
        // A matching tag never turns a private answer into a shared one.
        expect(cart.headers["cache-control"]).not.toMatch(/public|s-maxage/)

        const hold = await api.post(
          "/api/v1/inventory/reserve",
          { cartId, items: [{ productId: serum.productId, variantId: serum.id, quantity: 1 }], reservationMinutes: 15 },
          anyStatus
        )
        expect(hold.status).toBe(201)
        expect(hold.headers["cache-control"]).toBe(PRIVATE)
        const stock = await get(`/api/v1/inventory/${serum.productId}/variants/${serum.id}`)
        expect(stock.status).toBe(200)
        expect(stock.headers["cache-control"]).toBe(PRIVATE)

        const order = await api.post(
          "/api/v1/orders",
          {
            cartId,
            shippingAddress: ammanAddress(),
            billingAddress: "same",
            shippingMethod: "standard",
            paymentMethod: "cash_on_delivery",
          },
          anyStatus
        )
        expect(order.status).toBe(201)
        expect(order.headers["cache-control"]).toBe(PRIVATE)
        const read = await get(`/api/v1/orders/${order.data.data.id}`)
        expect(read.status).toBe(200)
        expect(read.headers["cache-control"]).toBe(PRIVATE)

        for (const [url, status] of [
          ["/api/v1/orders", 401],
          ["/api/v1/health", 200],
          ["/api/v1/no-such-route", 404],
        ] as const) {
          const res = await get(url)
          expect([url, res.status, res.headers["cache-control"]]).toEqual([url, status, PRIVATE])
        }
        const login = await api.post("/auth/customer/emailpass", { email: "nobody@example.com", password: "wrong-password" }, anyStatus)
        expect(login.status).toBe(401)
        expect(login.headers["cache-control"]).toBe(PRIVATE)
        const webhook = await api.post("/api/webhooks/stripe", { id: "evt_1" }, anyStatus)
        expect(webhook.status).toBe(401)
        expect(webhook.headers["cache-control"]).toBe(PRIVATE)
      })
    })
  },
})

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders } from "../helpers/admin"
import { seedShop } from "../helpers/catalogue"
import { createCustomer } from "../helpers/customers"

jest.setTimeout(120 * 1000)

const anyStatus = { validateStatus: () => true }

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let shop: Awaited<ReturnType<typeof seedShop>>
    let serumId: string

    beforeAll(async () => {
      shop = await seedShop(getContainer())
      serumId = shop.variant("SKN-SER-VC-30").productId
    })

    describe("GET /api/v1/products/:id/reviews", () => {
      it("lists approved reviews only, newest first, with the summary", async () => {
        const res = await api.get(`/api/v1/products/${serumId}/reviews`)
        expect(res.status).toBe(200)
        expect(res.data.data.map((r: any) => r.title).sort()).toEqual(["My skin glows", "Works, slight tingle"])
        expect(res.data.data[0]).toEqual({
          id: expect.stringMatching(/^rev_/),
          productId: serumId,
          rating: expect.any(Number),
          title: expect.any(String),
          body: expect.any(String),
          author: expect.stringMatching(/^\w+ \w\.$/),
          verifiedPurchase: false,
          status: "approved",
          createdAt: expect.stringMatching(/Z$/),
          updatedAt: expect.stringMatching(/Z$/),
        })
        expect(res.data.pagination).toEqual({ page: 1, limit: 20, total: 2, totalPages: 1, hasNext: false, hasPrev: false })
        expect(res.data.summary).toEqual({ averageRating: 4.5, totalReviews: 2 })
      })

      it("finds the product by handle and pages", async () => {
        const res = await api.get("/api/v1/products/vitamin-c-serum/reviews?page=2&limit=1")
        expect(res.data.data).toHaveLength(1)
        expect(res.data.pagination).toEqual({ page: 2, limit: 1, total: 2, totalPages: 2, hasNext: false, hasPrev: true })
      })

      it("answers 404 for an unknown product and 400 for bad paging", async () => {
        const unknown = await api.get("/api/v1/products/prod_nope/reviews", anyStatus)
        expect(unknown.status).toBe(404)
        expect(unknown.data.error.code).toBe("RESOURCE_NOT_FOUND")
        const bad = await api.get(`/api/v1/products/${serumId}/reviews?limit=101&page=0`, anyStatus)
        expect(bad.status).toBe(400)
        expect(bad.data.error.details.map((d: any) => d.field).sort()).toEqual(["limit", "page"])
      })
    })

    describe("POST /api/v1/products/:id/reviews", () => {
      it("takes one review per signed-in customer, pending until a merchant approves it", async () => {
        const customer = await createCustomer(api, shop.publishableKey, "reem@example.com")
        const body = { rating: 3, title: "Decent", body: "Does the job." }
        expect((await api.post(`/api/v1/products/${serumId}/reviews`, body, anyStatus)).status).toBe(401)

        const res = await api.post(`/api/v1/products/${serumId}/reviews`, body, { headers: customer.headers })
        expect(res.status).toBe(201)
        expect(res.data.data).toMatchObject({ rating: 3, status: "pending", author: "Test C.", verifiedPurchase: false })

        const again = await api.post(`/api/v1/products/${serumId}/reviews`, body, { headers: customer.headers, ...anyStatus })
        expect(again.status).toBe(409)
        expect(again.data.error.code).toBe("CONFLICT")

        const listed = await api.get(`/api/v1/products/${serumId}/reviews`)
        expect(listed.data.summary).toEqual({ averageRating: 4.5, totalReviews: 2 })

        const admin = await adminHeaders(api)
        const approve = await api.post(`/admin/reviews/${res.data.data.id}`, { status: "approved" }, { headers: admin })
        expect(approve.data.review.status).toBe("approved")
        const after = await api.get(`/api/v1/products/${serumId}/reviews`)
        expect(after.data.summary).toEqual({ averageRating: 4, totalReviews: 3 })
      })

      it.each([
        [{ rating: 6, title: "x", body: "y" }, "rating"],
        [{ rating: 2.5, title: "x", body: "y" }, "rating"],
        [{ rating: 4, body: "y" }, "title"],
        [{ rating: 4, title: "x", body: "y", stars: 5 }, "stars"],
      ])("answers 400 for %j", async (body, field) => {
        const customer = await createCustomer(api, shop.publishableKey, `bad-${field}-${Math.random()}@example.com`)
        const res = await api.post(`/api/v1/products/${serumId}/reviews`, body, { headers: customer.headers, ...anyStatus })
        expect(res.status).toBe(400)
        expect(res.data.error.details.map((d: any) => d.field)).toContain(field)
      })

      it("answers 404 for an unknown product", async () => {
        const customer = await createCustomer(api, shop.publishableKey, "nobody@example.com")
        const res = await api.post(
          "/api/v1/products/prod_nope/reviews",
          { rating: 5, title: "x", body: "y" },
          { headers: customer.headers, ...anyStatus }
        )
        expect(res.status).toBe(404)
      })
    })

    describe("/admin/reviews", () => {
      it("lists reviews by status and moderates them", async () => {
        const headers = await adminHeaders(api)
        const pending = await api.get("/admin/reviews?status=pending", { headers })
        expect(pending.data.count).toBe(1)
        const id = pending.data.reviews[0].id
        const rejected = await api.post(`/admin/reviews/${id}`, { status: "rejected" }, { headers })
        expect(rejected.data.review.status).toBe("rejected")
        expect((await api.get("/admin/reviews?status=pending", { headers })).data.count).toBe(0)
        expect((await api.post(`/admin/reviews/${id}`, { status: "maybe" }, { headers, ...anyStatus })).status).toBe(400)
        expect((await api.post("/admin/reviews/rev_nope", { status: "approved" }, { headers, ...anyStatus })).status).toBe(404)
        expect((await api.get("/admin/reviews", anyStatus)).status).toBe(401)
      })
    })
  },
})

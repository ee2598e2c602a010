import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders } from "../helpers/admin"
import { seedShop } from "../helpers/catalogue"

jest.setTimeout(120 * 1000)

const anyStatus = { validateStatus: () => true }

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let productId: string

    beforeAll(async () => {
      const shop = await seedShop(getContainer())
      productId = shop.variant("SKN-SER-VC-30").productId
    })

    describe("GET /admin/products/:id/skincare", () => {
      it("answers the seeded skincare facts", async () => {
        const headers = await adminHeaders(api)
        const res = await api.get(`/admin/products/${productId}/skincare`, { headers })
        expect(res.status).toBe(200)
        expect(res.data.skincare).toMatchObject({
          product_id: productId,
          skin_types: expect.arrayContaining(["normal"]),
          low_stock_threshold: 10,
        })
        expect(res.data.skincare.ingredients.length).toBeGreaterThanOrEqual(4)
        expect(res.data.skincare.concerns).toContain("dark-spots")
        expect(typeof res.data.skincare.how_to_use).toBe("string")
      })

      it("answers 404 for an unknown product and 401 without an admin", async () => {
        const headers = await adminHeaders(api)
        expect((await api.get("/admin/products/prod_nope/skincare", { headers, ...anyStatus })).status).toBe(404)
        expect((await api.get(`/admin/products/${productId}/skincare`, anyStatus)).status).toBe(401)
      })
    })

    describe("POST /admin/products/:id/skincare", () => {
      it("saves edits through the workflow, keeping ingredient order", async () => {
        const headers = await adminHeaders(api)
        const body = {
          ingredients: ["Aqua", "Ascorbic Acid", "Ferulic Acid"],
          skin_types: ["oily", "combination"],
          concerns: ["dullness"],
          how_to_use: "Two drops every morning.",
          seo_title: "Vitamin C Serum",
          seo_description: null,
          low_stock_threshold: 5,
        }
        const res = await api.post(`/admin/products/${productId}/skincare`, body, { headers })
        expect(res.status).toBe(200)
        expect(res.data.skincare).toEqual({ product_id: productId, ...body })
        const again = await api.get(`/admin/products/${productId}/skincare`, { headers })
        expect(again.data.skincare.ingredients).toEqual(["Aqua", "Ascorbic Acid", "Ferulic Acid"])
      })

      it.each([
        [{ skin_types: ["greasy"] }],
        [{ concerns: ["wrinkles"] }],
        [{ seo_description: "x".repeat(161) }],
        [{ low_stock_threshold: 2.5 }],
        [{ colour: "red" }],
      ])("answers 400 for %j and changes nothing", async (body) => {
        const headers = await adminHeaders(api)
        const before = (await api.get(`/admin/products/${productId}/skincare`, { headers })).data.skincare
        const res = await api.post(`/admin/products/${productId}/skincare`, body, { headers, ...anyStatus })
        expect(res.status).toBe(400)
        expect((await api.get(`/admin/products/${productId}/skincare`, { headers })).data.skincare).toEqual(before)
      })
    })
  },
})

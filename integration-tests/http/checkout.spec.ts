import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createCampaignsWorkflow, createPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { GOVERNORATES } from "../../src/lib/jordan"
import { SHIPPING_RULES_MODULE } from "../../src/modules/shipping-rules"
import { updateShippingRulesWorkflow } from "../../src/workflows/update-shipping-rules"
import { adminHeaders } from "../helpers/admin"
import { seedShop, SeededVariant } from "../helpers/catalogue"

jest.setTimeout(180 * 1000)

const anyStatus = { validateStatus: () => true }
const address = (extra: Record<string, unknown> = {}) => ({
  country: "JO",
  city: "Amman",
  governorate: "Amman",
  postalCode: "11118",
  street: "Queen Rania Street",
  building: "Building 15",
  apartment: "Apt 3A",
  ...extra,
})

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let serum: SeededVariant // 29.50 USD / 21.50 JOD

    beforeAll(async () => {
      const shop = await seedShop(getContainer())
      serum = shop.variant("SKN-SER-VC-30")
    })

    const cartWith = async (currency: string, quantity: number) => {
      const cart = (await api.post("/api/v1/cart", { currency })).data.data
      if (quantity) {
        await api.post(`/api/v1/cart/${cart.id}/items`, {
          productId: serum.productId,
          variantId: serum.id,
          quantity,
        })
      }
      return cart.id as string
    }
    const quote = (cartId: string, shippingAddress: Record<string, unknown>) =>
      api.post("/api/v1/checkout/shipping", { cartId, shippingAddress }, anyStatus)
    const apply = (cartId: string, discountCode: string) =>
      api.post("/api/v1/checkout/discount", { cartId, discountCode }, anyStatus)

    describe("POST /api/v1/checkout/shipping", () => {
      it("answers the requirements' methods for Amman, in fils", async () => {
        const cartId = await cartWith("JOD", 1)
        const res = await quote(cartId, address())
        expect(res.status).toBe(200)
        expect(res.data.data.methods).toEqual([
          {
            id: "standard",
            name: "Standard Delivery",
            description: "3-5 business days",
            price: 5000,
            estimatedDays: "3-5",
            isDefault: true,
            available: true,
            shippingOptionId: expect.any(String),
          },
          {
            id: "express",
            name: "Express Delivery",
            description: "1-2 business days",
            price: 10000,
            estimatedDays: "1-2",
            isDefault: false,
            available: true,
            shippingOptionId: expect.any(String),
          },
          {
            id: "same_day",
            name: "Same Day Delivery",
            description: "Within Amman only",
            price: 15000,
            estimatedDays: "Same day",
            isDefault: false,
            available: true,
            shippingOptionId: expect.any(String),
          },
        ])
        expect(res.data.data.shippingAddress.governorate).toBe("Amman")
      })

      it("knows every governorate by English name, ISO code and Arabic name; same day only in Amman", async () => {
        const cartId = await cartWith("JOD", 1)
        for (const governorate of GOVERNORATES) {
          for (const form of [`${governorate.name.toUpperCase()} Governorate`, governorate.code, governorate.nameAr]) {
            const res = await quote(cartId, address({ governorate: form }))
            expect([form, res.status]).toEqual([form, 200])
            expect(res.data.data.shippingAddress.governorate).toBe(governorate.name)
            const byId = Object.fromEntries(res.data.data.methods.map((m: any) => [m.id, m]))
            expect(byId.standard).toMatchObject({ price: 5000, available: true })
            expect(byId.express).toMatchObject({ price: 10000, available: true })
            expect(byId.same_day.available).toBe(governorate.code === "JO-AM")
          }
        }
      })

      it("stores the address on the cart", async () => {
        const cartId = await cartWith("JOD", 1)
        await quote(cartId, address({ governorate: "irbid" }))
        const { data } = await getContainer()
          .resolve("query")
          .graph({ entity: "cart", fields: ["shipping_address.*"], filters: { id: cartId } })
        expect(data[0].shipping_address).toMatchObject({
          country_code: "jo",
          province: "JO-IR",
          city: "Amman",
          address_1: "Queen Rania Street",
          address_2: "Building 15, Apt 3A",
          postal_code: "11118",
        })
      })

      it("answers flat USD rates for a US address", async () => {
        const cartId = await cartWith("USD", 1)
        const res = await quote(cartId, { country: "US", city: "Austin", street: "1 Main St", postalCode: "73301" })
        expect(res.status).toBe(200)
        expect(res.data.data.methods.map((m: any) => [m.id, m.price, m.estimatedDays, m.available])).toEqual([
          ["standard", 500, "3-5", true],
          ["express", 1000, "1-2", true],
        ])
      })

      it("answers 422 for a country the cart's region does not serve, or an unknown governorate", async () => {
        const jod = await cartWith("JOD", 1)
        const abroad = await quote(jod, address({ country: "US" }))
        expect(abroad.status).toBe(422)
        expect(abroad.data.error).toMatchObject({ code: "VALIDATION_ERROR", message: "Address not serviceable" })
        expect((await quote(jod, address({ country: "SA" }))).status).toBe(422)
        const usd = await cartWith("USD", 1)
        expect((await quote(usd, address())).status).toBe(422)
        const unknown = await quote(jod, address({ governorate: "Narnia" }))
        expect(unknown.status).toBe(422)
        expect(unknown.data.error.details[0].field).toBe("shippingAddress.governorate")
      })

      it("answers 400 for a missing cart id, an unknown cart and missing address fields", async () => {
        const missing = await api.post("/api/v1/checkout/shipping", { shippingAddress: address() }, anyStatus)
        expect(missing.status).toBe(400)
        expect(missing.data.error.details).toEqual([{ field: "cartId", message: "cartId is required" }])
        const unknown = await quote("cart_nope", address())
        expect(unknown.status).toBe(400)
        expect(unknown.data.error.details[0].field).toBe("cartId")
        const cartId = await cartWith("JOD", 1)
        const partial = await quote(cartId, { country: "JO", governorate: "Amman" })
        expect(partial.status).toBe(400)
        expect(partial.data.error.details.map((d: any) => d.field).sort()).toEqual([
          "shippingAddress.city",
          "shippingAddress.street",
        ])
        const noGovernorate = await quote(cartId, address({ governorate: undefined }))
        expect(noGovernorate.status).toBe(400)
        expect(noGovernorate.data.error.details[0].field).toBe("shippingAddress.governorate")
      })

      it("answers a clear 400 when a governorate has no rule", async () => {
        const container = getContainer()
        const service = container.resolve(SHIPPING_RULES_MODULE) as any
        const [rule] = await service.listShippingRules({ governorate: "JO-MD", method: "standard" })
        await service.deleteShippingRules(rule.id)
        await updateShippingRulesWorkflow(container).run({ input: { updates: [] } })
        const cartId = await cartWith("JOD", 1)
        const res = await quote(cartId, address({ governorate: "Madaba" }))
        expect(res.status).toBe(400)
        expect(res.data.error.message).toMatch(/No standard delivery rule for governorate JO-MD/)
      })
    })

    describe("/admin/shipping-rules", () => {
      it("lists the rules and applies an edit to the next quote", async () => {
        const headers = await adminHeaders(api)
        const { data } = await api.get("/admin/shipping-rules", { headers })
        expect(data.shipping_rules).toHaveLength(36)
        const irbidStandard = data.shipping_rules.find((r: any) => r.governorate === "JO-IR" && r.method === "standard")
        expect(irbidStandard).toMatchObject({ price: 5, min_days: 3, max_days: 5, available: true })
        const irbidSameDay = data.shipping_rules.find((r: any) => r.governorate === "JO-IR" && r.method === "same_day")

        const res = await api.post(
          "/admin/shipping-rules",
          {
            rules: [
              { id: irbidStandard.id, price: 6.5, min_days: 2, max_days: 4 },
              { id: irbidSameDay.id, available: true, price: 18 },
            ],
          },
          { headers }
        )
        expect(res.status).toBe(200)

        const cartId = await cartWith("JOD", 1)
        const methods = (await quote(cartId, address({ governorate: "Irbid" }))).data.data.methods
        expect(methods[0]).toMatchObject({ id: "standard", price: 6500, estimatedDays: "2-4" })
        expect(methods[2]).toMatchObject({ id: "same_day", price: 18000, available: true })
      })

      it("refuses prices off the 10-fils grid, min above max, and anonymous callers", async () => {
        const headers = await adminHeaders(api)
        const { data } = await api.get("/admin/shipping-rules", { headers })
        const id = data.shipping_rules[0].id
        const offGrid = await api.post("/admin/shipping-rules", { rules: [{ id, price: 5.555 }] }, { headers, ...anyStatus })
        expect(offGrid.status).toBe(400)
        expect(offGrid.data.message).toMatch(/multiple of 10 fils/)
        const fiveFils = await api.post("/admin/shipping-rules", { rules: [{ id, price: 5.005 }] }, { headers, ...anyStatus })
        expect(fiveFils.status).toBe(400)
        const days = await api.post("/admin/shipping-rules", { rules: [{ id, min_days: 6, max_days: 2 }] }, { headers, ...anyStatus })
        expect(days.status).toBe(400)
        expect(days.data.message).toMatch(/min_days/)
        expect((await api.get("/admin/shipping-rules", anyStatus)).status).toBe(401)
        const after = await api.get("/admin/shipping-rules", { headers })
        expect(after.data.shipping_rules[0]).toMatchObject({ price: 5 })
      })
    })

    describe("POST /api/v1/checkout/discount", () => {
      it("applies SAVE20 and answers the requirements' shape", async () => {
        const cartId = await cartWith("USD", 2)
        const res = await apply(cartId, "SAVE20")
        expect(res.status).toBe(200)
        expect(res.data).toEqual({
          data: {
            code: "SAVE20",
            type: "percentage",
            value: 20,
            discountAmount: 1180,
            cart: {
              subtotal: 5900,
              discount: 1180,
              tax: 378,
              shipping: 0,
              total: 5098,
              discountCode: "SAVE20",
              currency: "USD",
            },
          },
          message: "Discount applied successfully",
        })
      })

      it.each([
        ["USD", "save20", 200, "percentage", 20, 1180],
        ["USD", "FLAT5", 200, "fixed_amount", 500, 500],
        ["USD", "Welcome10", 200, "percentage", 10, 590],
        ["JOD", "SAVE20", 200, "percentage", 20, 8600],
        // FLAT5 is 5 off before tax (seed/promotions.ts): 5 JOD + 16% GST off a JOD shelf total.
        ["JOD", "flat5", 200, "fixed_amount", 5000, 5800],
        ["JOD", "WELCOME10", 200, "percentage", 10, 4300],
      ])("%s cart of two serums: %s takes off the right amount", async (currency, code, status, type, value, amount) => {
        const cartId = await cartWith(currency, 2)
        const res = await apply(cartId, code)
        expect(res.status).toBe(status)
        expect(res.data.data).toMatchObject({ code: code.toUpperCase(), type, value, discountAmount: amount })
        const cart = res.data.data.cart
        // USD adds its tax; JOD shelf prices contain it.
        const addedTax = currency === "USD" ? cart.tax : 0
        expect(cart.total).toBe(cart.subtotal - cart.discount + addedTax + cart.shipping)
        expect(cart.subtotal).toBe(currency === "USD" ? 5900 : 43000)
      })

      it.each([
        ["EXPIRED15", /expired/],
        ["LIMITED1", /usage limit/],
      ])("answers 410 for %s in both currencies", async (code, message) => {
        for (const currency of ["USD", "JOD"]) {
          const res = await apply(await cartWith(currency, 2), code)
          expect(res.status).toBe(410)
          expect(res.data.error.code).toBe("DISCOUNT_ERROR")
          expect(res.data.error.message).toMatch(message)
        }
      })

      it("answers 410 for a code whose campaign has not started", async () => {
        const container = getContainer()
        const { result } = await createCampaignsWorkflow(container).run({
          input: {
            campaignsData: [
              {
                name: "Eid",
                campaign_identifier: "eid-next",
                starts_at: new Date(Date.now() + 86400000),
                ends_at: new Date(Date.now() + 10 * 86400000),
              },
            ],
          },
        })
        await createPromotionsWorkflow(container).run({
          input: {
            promotionsData: [
              {
                code: "EID25",
                type: "standard",
                status: "active",
                campaign_id: result[0].id,
                application_method: { type: "percentage", target_type: "order", allocation: "across", value: 25 },
              },
            ],
          },
        })
        const res = await apply(await cartWith("USD", 1), "EID25")
        expect(res.status).toBe(410)
        expect(res.data.error.message).toMatch(/not valid yet/)
      })

      it("answers 422 below WELCOME10's minimum in each currency", async () => {
        const usd = await apply(await cartWith("USD", 1), "WELCOME10")
        expect(usd.status).toBe(422)
        expect(usd.data.error).toMatchObject({ code: "DISCOUNT_ERROR", message: "Minimum order not met" })
        expect(usd.data.error.details[0]).toMatchObject({ minimumAmount: 5000, subtotal: 2950 })
        const jod = await apply(await cartWith("JOD", 1), "WELCOME10")
        expect(jod.status).toBe(422)
        expect(jod.data.error.details[0]).toMatchObject({ minimumAmount: 35000, subtotal: 21500 })
      })

      it("answers 400 for an unknown code, 409 for a second code, 404 for an unknown cart", async () => {
        const cartId = await cartWith("USD", 2)
        const unknown = await apply(cartId, "NOPE")
        expect(unknown.status).toBe(400)
        expect(unknown.data.error.code).toBe("DISCOUNT_ERROR")
        expect((await apply(cartId, "SAVE20")).status).toBe(200)
        const again = await apply(cartId, "save20")
        expect(again.status).toBe(409)
        expect(again.data.error.code).toBe("CONFLICT")
        expect((await apply(cartId, "FLAT5")).status).toBe(409)
        expect((await apply("cart_nope", "SAVE20")).status).toBe(404)
        const bad = await api.post("/api/v1/checkout/discount", { cartId }, anyStatus)
        expect(bad.status).toBe(400)
        expect(bad.data.error.details).toEqual([{ field: "discountCode", message: "discountCode is required" }])
      })
    })

    describe("/admin/promotions/:id/minimums", () => {
      it("sets a minimum the discount route then enforces, and validates its input", async () => {
        const headers = await adminHeaders(api)
        const { data } = await api.get("/admin/promotions?code=SAVE20", { headers })
        const id = data.promotions[0].id
        expect((await api.get(`/admin/promotions/${id}/minimums`, { headers })).data).toEqual({ minimums: [] })
        const set = await api.post(
          `/admin/promotions/${id}/minimums`,
          { minimums: [{ currency_code: "USD", amount: 100 }] },
          { headers }
        )
        expect(set.data).toEqual({ minimums: [{ currency_code: "usd", amount: 100 }] })
        const res = await apply(await cartWith("USD", 2), "SAVE20")
        expect(res.status).toBe(422)
        expect(res.data.error.details[0]).toMatchObject({ minimumAmount: 10000, subtotal: 5900 })
        expect((await apply(await cartWith("JOD", 1), "SAVE20")).status).toBe(200)

        const bad = [
          { minimums: [{ currency_code: "XYZ", amount: 1 }] },
          { minimums: [{ currency_code: "usd", amount: -1 }] },
          { minimums: [{ currency_code: "usd", amount: 1 }, { currency_code: "USD", amount: 2 }] },
        ]
        for (const body of bad) {
          expect((await api.post(`/admin/promotions/${id}/minimums`, body, { headers, ...anyStatus })).status).toBe(400)
        }
        const unknown = await api.get("/admin/promotions/promo_nope/minimums", { headers, ...anyStatus })
        expect(unknown.status).toBe(404)
        expect((await api.get(`/admin/promotions/${id}/minimums`, anyStatus)).status).toBe(401)
      })
    })

    describe("DELETE /api/v1/checkout/discount", () => {
      it("removes the applied code, then answers 404 when there is none", async () => {
        const cartId = await cartWith("JOD", 2)
        await apply(cartId, "SAVE20")
        const res = await api.delete("/api/v1/checkout/discount", { data: { cartId } })
        expect(res.status).toBe(200)
        // Two serums at 21.50 JOD, tax included.
        expect(res.data.data).toMatchObject({ discountCode: null, discount: 0, subtotal: 43000, total: 43000 })
        const again = await api.delete("/api/v1/checkout/discount", { data: { cartId }, ...anyStatus })
        expect(again.status).toBe(404)
        expect((await apply(cartId, "FLAT5")).status).toBe(200)
      })
    })

    describe("discounts as the cart changes", () => {
      it("drops WELCOME10 when an update takes the cart below the minimum, and says so", async () => {
        const cartId = await cartWith("USD", 2)
        expect((await apply(cartId, "WELCOME10")).status).toBe(200)
        const cart = (await api.get(`/api/v1/cart/${cartId}`)).data.data
        const res = await api.put(`/api/v1/cart/${cartId}/items/${cart.items[0].id}`, { quantity: 1 })
        expect(res.status).toBe(200)
        expect(res.data.data).toMatchObject({ discountCode: null, discount: 0, subtotal: 2950 })
        expect(res.data.message).toMatch(/WELCOME10 was removed/)
      })

      it("drops it when removing an item does, and keeps codes without a minimum", async () => {
        const container = getContainer()
        const cartId = await cartWith("JOD", 2)
        const shop = await seedShop(container)
        const toner = shop.variant("SKN-TON-CC-400")
        await api.post(`/api/v1/cart/${cartId}/items`, { productId: toner.productId, variantId: toner.id, quantity: 1 })
        expect((await apply(cartId, "WELCOME10")).status).toBe(200)
        const cart = (await api.get(`/api/v1/cart/${cartId}`)).data.data
        const serumLine = cart.items.find((i: any) => i.variantId === serum.id)
        const res = await api.delete(`/api/v1/cart/${cartId}/items/${serumLine.id}`)
        expect(res.data.data.discountCode).toBeNull()
        expect(res.data.message).toMatch(/WELCOME10 was removed/)

        const other = await cartWith("USD", 2)
        await apply(other, "SAVE20")
        const line = (await api.get(`/api/v1/cart/${other}`)).data.data.items[0]
        const kept = await api.put(`/api/v1/cart/${other}/items/${line.id}`, { quantity: 1 })
        expect(kept.data.data).toMatchObject({ discountCode: "SAVE20", discount: 590 })
        expect(kept.data.message).toBe("Cart item updated successfully")
      })
    })
  },
})

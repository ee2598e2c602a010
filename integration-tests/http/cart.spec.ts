import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { Modules, ProductStatus } from "@medusajs/framework/utils"
import { CART_EXPIRY_MODULE } from "../../src/modules/cart-expiry"
import removeExpiredCarts from "../../src/jobs/remove-expired-carts"
import { createCustomer } from "../helpers/customers"
import { seedShop, SeededVariant } from "../helpers/catalogue"

jest.setTimeout(120 * 1000)

const anyStatus = { validateStatus: () => true }
const DAY_MS = 24 * 60 * 60 * 1000

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let shop: Awaited<ReturnType<typeof seedShop>>
    let serum: SeededVariant // SKN-SER-VC-30: 29.50 USD / 21.50 JOD, plenty of stock
    let scarce: SeededVariant // 4 in stock
    let soldOut: SeededVariant
    let draftProduct: { productId: string; variantId: string }

    beforeAll(async () => {
      const container = getContainer()
      shop = await seedShop(container)
      serum = shop.variant("SKN-SER-VC-30")
      scarce = shop.variant("SKN-CLN-OB-100")
      soldOut = shop.variant("SKN-TON-GA-240")
      const { result } = await createProductsWorkflow(container).run({
        input: {
          products: [
            {
              title: "Unreleased Peptide Toner",
              status: ProductStatus.DRAFT,
              options: [{ title: "Size", values: ["100ml"] }],
              variants: [
                {
                  title: "100ml",
                  sku: "TEST-DRAFT-100",
                  options: { Size: "100ml" },
                  manage_inventory: false,
                  prices: [{ currency_code: "usd", amount: 20 }],
                },
              ],
            },
          ],
        },
      })
      draftProduct = { productId: result[0].id, variantId: result[0].variants[0].id }
    })

    const createCart = async (currency = "USD", headers: Record<string, string> = {}) =>
      (await api.post("/api/v1/cart", { currency }, { headers })).data.data

    const addItem = (cartId: string, v: { productId: string; id: string }, quantity: number, headers = {}) =>
      api.post(
        `/api/v1/cart/${cartId}/items`,
        { productId: v.productId, variantId: v.id, quantity },
        { headers, ...anyStatus }
      )

    describe("POST /api/v1/cart", () => {
      it("answers 201 with an empty USD guest cart that expires in 30 days", async () => {
        const res = await api.post("/api/v1/cart", { currency: "USD" })
        expect(res.status).toBe(201)
        const cart = res.data.data
        expect(cart).toEqual({
          id: expect.stringMatching(/^cart_/),
          customerId: null,
          items: [],
          subtotal: 0,
          tax: 0,
          shipping: 0,
          discount: 0,
          total: 0,
          currency: "USD",
          discountCode: null,
          itemCount: 0,
          createdAt: expect.stringMatching(/Z$/),
          updatedAt: expect.stringMatching(/Z$/),
          expiresAt: expect.stringMatching(/Z$/),
        })
        expect(new Date(cart.expiresAt).getTime() - new Date(cart.createdAt).getTime()).toBe(30 * DAY_MS)
      })

      it("picks the Jordan region for JOD, in any case", async () => {
        const res = await api.post("/api/v1/cart", { currency: "jod" })
        expect(res.status).toBe(201)
        expect(res.data.data.currency).toBe("JOD")
        const cart = await getContainer().resolve(Modules.CART).retrieveCart(res.data.data.id)
        const [jordan] = await getContainer().resolve(Modules.REGION).listRegions({ name: "Jordan" })
        expect(cart.region_id).toBe(jordan.id)
      })

      it("answers 400 for a currency the shop does not sell in", async () => {
        const res = await api.post("/api/v1/cart", { currency: "EUR" }, anyStatus)
        expect(res.status).toBe(400)
        expect(res.data.error.code).toBe("VALIDATION_ERROR")
        expect(res.data.error.details).toEqual([{ field: "currency", message: expect.stringMatching(/EUR/) }])
      })

      it("answers 400 with one detail per bad field", async () => {
        const res = await api.post("/api/v1/cart", { currency: 12, coupon: "X" }, anyStatus)
        expect(res.status).toBe(400)
        expect(res.data.error.details.map((d: any) => d.field).sort()).toEqual(["coupon", "currency"])
        const missing = await api.post("/api/v1/cart", {}, anyStatus)
        expect(missing.data.error.details).toEqual([{ field: "currency", message: "currency is required" }])
      })

      it("answers 400 for malformed JSON", async () => {
        const res = await api.post("/api/v1/cart", '{"currency":', {
          headers: { "content-type": "application/json" },
          ...anyStatus,
        })
        expect(res.status).toBe(400)
        expect(res.data.error.code).toBe("VALIDATION_ERROR")
      })

      it("makes a customer's cart only for that signed-in customer (401 / 403)", async () => {
        const amal = await createCustomer(api, shop.publishableKey, "amal@example.com")
        const omar = await createCustomer(api, shop.publishableKey, "omar@example.com")
        const anonymous = await api.post("/api/v1/cart", { currency: "JOD", customerId: amal.id }, anyStatus)
        expect(anonymous.status).toBe(401)
        expect(anonymous.data.error.code).toBe("AUTHENTICATION_ERROR")
        const other = await api.post(
          "/api/v1/cart",
          { currency: "JOD", customerId: amal.id },
          { headers: omar.headers, ...anyStatus }
        )
        expect(other.status).toBe(403)
        expect(other.data.error.code).toBe("AUTHORIZATION_ERROR")
        const own = await api.post(
          "/api/v1/cart",
          { currency: "JOD", customerId: amal.id },
          { headers: amal.headers }
        )
        expect(own.status).toBe(201)
        expect(own.data.data.customerId).toBe(amal.id)
        // Signed in without naming the customer: the cart is still theirs, and only theirs.
        const implicit = await api.post("/api/v1/cart", { currency: "JOD" }, { headers: amal.headers })
        expect(implicit.data.data.customerId).toBe(amal.id)
        expect((await api.get(`/api/v1/cart/${implicit.data.data.id}`, anyStatus)).status).toBe(401)
      })
    })

    describe("GET /api/v1/cart/:cartId", () => {
      it("answers 404 for an unknown cart", async () => {
        const res = await api.get("/api/v1/cart/cart_does_not_exist", anyStatus)
        expect(res.status).toBe(404)
        expect(res.data.error.code).toBe("RESOURCE_NOT_FOUND")
      })

      it("lets anyone with a guest cart's id read it", async () => {
        const cart = await createCart()
        const res = await api.get(`/api/v1/cart/${cart.id}`)
        expect(res.status).toBe(200)
        expect(res.data.data).toEqual(cart)
      })

      it("lets only its customer read a customer's cart", async () => {
        const amal = await createCustomer(api, shop.publishableKey, "amal.reader@example.com")
        const omar = await createCustomer(api, shop.publishableKey, "omar.reader@example.com")
        const cart = (
          await api.post("/api/v1/cart", { currency: "USD", customerId: amal.id }, { headers: amal.headers })
        ).data.data
        expect((await api.get(`/api/v1/cart/${cart.id}`, anyStatus)).status).toBe(401)
        const other = await api.get(`/api/v1/cart/${cart.id}`, { headers: omar.headers, ...anyStatus })
        expect(other.status).toBe(403)
        expect(other.data.error.code).toBe("AUTHORIZATION_ERROR")
        const own = await api.get(`/api/v1/cart/${cart.id}`, { headers: amal.headers })
        expect(own.data.data.customerId).toBe(amal.id)
        const otherAdd = await addItem(cart.id, serum, 1, omar.headers)
        expect(otherAdd.status).toBe(403)
      })
    })

    describe("POST /api/v1/cart/:cartId/items", () => {
      it("adds a line with Medusa's USD totals in cents (8% US tax)", async () => {
        const cart = await createCart("USD")
        const res = await addItem(cart.id, serum, 2)
        expect(res.status).toBe(200)
        expect(res.data.message).toBe("Item added to cart successfully")
        const data = res.data.data
        expect(data.items).toEqual([
          {
            id: expect.any(String),
            productId: serum.productId,
            variantId: serum.id,
            quantity: 2,
            unitPrice: 2950,
            totalPrice: 5900,
            product: {
              name: "Vitamin C Brightening Serum",
              // The seed's generated picture, uploaded through the file module (local provider: <backend>/static/<timestamp>-<name>).
              image: expect.stringMatching(/^http:\/\/localhost:\d+\/static\/\d+-seed-vitamin-c-serum\.png$/),
              slug: "vitamin-c-serum",
            },
            variant: { name: "30ml", sku: "SKN-SER-VC-30", available: true, inventoryCount: serum.stock },
          },
        ])
        expect(data).toMatchObject({ subtotal: 5900, tax: 472, shipping: 0, discount: 0, total: 6372, itemCount: 2 })
        expect(data.total).toBe(data.subtotal - data.discount + data.tax + data.shipping)
      })

      it("adds in JOD fils at shelf prices that contain Jordan's 16% GST", async () => {
        const cart = await createCart("JOD")
        const data = (await addItem(cart.id, serum, 2)).data.data
        expect(data.items[0]).toMatchObject({ unitPrice: 21500, totalPrice: 43000 })
        // Tax-inclusive: the total is the shelf amount, tax the GST inside it (16/116 of 43000 fils).
        const gst = Math.round((43000 * 16) / 116)
        expect(data).toMatchObject({ currency: "JOD", subtotal: 43000, tax: gst, total: 43000, itemCount: 2 })
        expect(data.total).toBe(data.subtotal - data.discount + data.shipping)
      })

      it("adds to the existing line when the variant is already in the cart", async () => {
        const cart = await createCart()
        await addItem(cart.id, serum, 1)
        const data = (await addItem(cart.id, serum, 3)).data.data
        expect(data.items).toHaveLength(1)
        expect(data.items[0].quantity).toBe(4)
        expect(data).toMatchObject({ itemCount: 4, subtotal: 4 * 2950 })
      })

      it.each([
        ["an unknown product", () => ({ productId: "prod_nope", variantId: serum.id }), "productId"],
        ["a variant of another product", () => ({ productId: scarce.productId, variantId: serum.id }), "variantId"],
        ["an unknown variant", () => ({ productId: serum.productId, variantId: "variant_nope" }), "variantId"],
        ["an unpublished product", () => draftProduct, "productId"],
      ])("answers 400 for %s", async (_, ids, field) => {
        const cart = await createCart()
        const res = await api.post(`/api/v1/cart/${cart.id}/items`, { ...ids(), quantity: 1 }, anyStatus)
        expect(res.status).toBe(400)
        expect(res.data.error.code).toBe("VALIDATION_ERROR")
        expect(res.data.error.details[0].field).toBe(field)
        expect((await api.get(`/api/v1/cart/${cart.id}`)).data.data.items).toEqual([])
      })

      it("answers 400 for a body of the wrong shape", async () => {
        const cart = await createCart()
        const res = await api.post(
          `/api/v1/cart/${cart.id}/items`,
          { productId: serum.productId, quantity: "2" },
          anyStatus
        )
        expect(res.status).toBe(400)
        expect(res.data.error.details.map((d: any) => d.field).sort()).toEqual(["quantity", "variantId"])
      })

      it.each([[0], [-1], [1.5]])("answers 422 for quantity %p", async (quantity) => {
        const cart = await createCart()
        const res = await addItem(cart.id, serum, quantity)
        expect(res.status).toBe(422)
        expect(res.data.error.code).toBe("VALIDATION_ERROR")
        expect(res.data.error.details).toEqual([{ field: "quantity", message: expect.any(String) }])
      })

      it("answers 422 above the per-line maximum of 10, also across two adds", async () => {
        const cart = await createCart()
        expect((await addItem(cart.id, serum, 11)).status).toBe(422)
        expect((await addItem(cart.id, serum, 7)).status).toBe(200)
        const res = await addItem(cart.id, serum, 4)
        expect(res.status).toBe(422)
        expect(res.data.error.details[0]).toMatchObject({ field: "quantity", variantId: serum.id, maximum: 10 })
        expect((await api.get(`/api/v1/cart/${cart.id}`)).data.data.items[0].quantity).toBe(7)
      })

      it("answers 409 INVENTORY_ERROR naming the variant and what is left", async () => {
        const cart = await createCart()
        const res = await addItem(cart.id, scarce, scarce.stock + 1)
        expect(res.status).toBe(409)
        expect(res.data.error.code).toBe("INVENTORY_ERROR")
        expect(res.data.error.details).toEqual([
          {
            field: "variantId",
            message: expect.any(String),
            variantId: scarce.id,
            available: scarce.stock,
            requested: scarce.stock + 1,
          },
        ])
        const soldOutRes = await addItem(cart.id, soldOut, 1)
        expect(soldOutRes.status).toBe(409)
        expect(soldOutRes.data.error.details[0].available).toBe(0)
      })

      it("answers 404 for an unknown cart", async () => {
        const res = await addItem("cart_nope", serum, 1)
        expect(res.status).toBe(404)
      })
    })

    describe("PUT /api/v1/cart/:cartId/items/:itemId", () => {
      it("sets the line's quantity and recomputes totals", async () => {
        const cart = await createCart()
        const item = (await addItem(cart.id, serum, 1)).data.data.items[0]
        const res = await api.put(`/api/v1/cart/${cart.id}/items/${item.id}`, { quantity: 3 })
        expect(res.status).toBe(200)
        expect(res.data.message).toBe("Cart item updated successfully")
        expect(res.data.data).toMatchObject({ itemCount: 3, subtotal: 8850, tax: 708, total: 9558 })
      })

      it("answers 404 for an unknown item and for another cart's item", async () => {
        const cart = await createCart()
        const other = await createCart()
        const otherItem = (await addItem(other.id, serum, 1)).data.data.items[0]
        const unknown = await api.put(`/api/v1/cart/${cart.id}/items/cali_nope`, { quantity: 1 }, anyStatus)
        expect(unknown.status).toBe(404)
        expect(unknown.data.error.code).toBe("RESOURCE_NOT_FOUND")
        const foreign = await api.put(`/api/v1/cart/${cart.id}/items/${otherItem.id}`, { quantity: 2 }, anyStatus)
        expect(foreign.status).toBe(404)
        expect((await api.get(`/api/v1/cart/${other.id}`)).data.data.items[0].quantity).toBe(1)
      })

      it("answers 422 for a quantity of 0 or above 10, and 409 above the stock", async () => {
        const cart = await createCart()
        const item = (await addItem(cart.id, scarce, 1)).data.data.items[0]
        const url = `/api/v1/cart/${cart.id}/items/${item.id}`
        expect((await api.put(url, { quantity: 0 }, anyStatus)).status).toBe(422)
        expect((await api.put(url, { quantity: 11 }, anyStatus)).status).toBe(422)
        const short = await api.put(url, { quantity: scarce.stock + 1 }, anyStatus)
        expect(short.status).toBe(409)
        expect(short.data.error.details[0]).toMatchObject({ variantId: scarce.id, available: scarce.stock })
        expect((await api.put(url, { quantity: "two" }, anyStatus)).status).toBe(400)
      })
    })

    describe("DELETE /api/v1/cart/:cartId/items/:itemId", () => {
      it("removes the line", async () => {
        const cart = await createCart()
        await addItem(cart.id, scarce, 1)
        const item = (await addItem(cart.id, serum, 2)).data.data.items.find((i: any) => i.variantId === serum.id)
        const res = await api.delete(`/api/v1/cart/${cart.id}/items/${item.id}`)
        expect(res.status).toBe(200)
        expect(res.data.message).toBe("Item removed from cart successfully")
        expect(res.data.data.items.map((i: any) => i.variantId)).toEqual([scarce.id])
        const again = await api.delete(`/api/v1/cart/${cart.id}/items/${item.id}`, anyStatus)
        expect(again.status).toBe(404)
      })
    })

    describe("DELETE /api/v1/cart/:cartId", () => {
      it("empties the cart, which stays usable", async () => {
        const cart = await createCart()
        await addItem(cart.id, serum, 2)
        await addItem(cart.id, scarce, 1)
        const res = await api.delete(`/api/v1/cart/${cart.id}`)
        expect(res.status).toBe(200)
        expect(res.data).toEqual({ message: "Cart cleared successfully" })
        const after = (await api.get(`/api/v1/cart/${cart.id}`)).data.data
        expect(after).toMatchObject({ items: [], itemCount: 0, subtotal: 0, total: 0, discountCode: null })
        expect((await addItem(cart.id, serum, 1)).status).toBe(200)
      })

      it("answers 404 for an unknown cart", async () => {
        const res = await api.delete("/api/v1/cart/cart_nope", anyStatus)
        expect(res.status).toBe(404)
        expect(res.data.error.code).toBe("RESOURCE_NOT_FOUND")
      })
    })

    describe("completed carts", () => {
      it("answers 409 CONFLICT to any change", async () => {
        const cart = await createCart()
        const item = (await addItem(cart.id, serum, 1)).data.data.items[0]
        await getContainer().resolve(Modules.CART).updateCarts(cart.id, { completed_at: new Date() })
        const changes = [
          addItem(cart.id, serum, 1),
          api.put(`/api/v1/cart/${cart.id}/items/${item.id}`, { quantity: 2 }, anyStatus),
          api.delete(`/api/v1/cart/${cart.id}/items/${item.id}`, anyStatus),
          api.delete(`/api/v1/cart/${cart.id}`, anyStatus),
        ]
        for (const res of await Promise.all(changes)) {
          expect(res.status).toBe(409)
          expect(res.data.error.code).toBe("CONFLICT")
        }
      })
    })

    describe("expiry", () => {
      it("answers 410 once a cart has expired, and 404 after the hourly job removed it", async () => {
        const container = getContainer()
        const expired = await createCart()
        const fresh = await createCart()
        const ordered = await createCart()
        const expiries = container.resolve(CART_EXPIRY_MODULE) as any
        const rows = await expiries.listCartExpiries({ cart_id: [expired.id, ordered.id] })
        await expiries.updateCartExpiries(
          rows.map((row: any) => ({ id: row.id, expires_at: new Date(Date.now() - 1000) }))
        )
        await container.resolve(Modules.CART).updateCarts(ordered.id, { completed_at: new Date() })

        const gone = await api.get(`/api/v1/cart/${expired.id}`, anyStatus)
        expect(gone.status).toBe(410)
        expect(gone.data.error.code).toBe("GONE")
        expect((await addItem(expired.id, serum, 1)).status).toBe(410)

        await removeExpiredCarts(container)

        const removed = await api.get(`/api/v1/cart/${expired.id}`, anyStatus)
        expect(removed.status).toBe(404)
        expect((await api.get(`/api/v1/cart/${fresh.id}`)).status).toBe(200)
        expect((await api.get(`/api/v1/cart/${ordered.id}`)).status).toBe(200)
      })
    })

    describe("concurrency", () => {
      it("20 parallel adds of a scarce variant make one line of at most the stock, the rest 409", async () => {
        const cart = await createCart()
        const results = await Promise.all(Array.from({ length: 20 }, () => addItem(cart.id, scarce, 1)))
        const statuses = results.map((r) => r.status)
        expect(statuses.filter((s) => s !== 200 && s !== 409)).toEqual([])
        expect(statuses.filter((s) => s === 200)).toHaveLength(scarce.stock)
        for (const res of results.filter((r) => r.status === 409)) {
          expect(res.data.error.code).toBe("INVENTORY_ERROR")
        }
        const final = (await api.get(`/api/v1/cart/${cart.id}`)).data.data
        expect(final.items).toHaveLength(1)
        expect(final.items[0].quantity).toBe(scarce.stock)
      })

      it("20 parallel adds of a plentiful variant sum into one line (up to the per-line maximum)", async () => {
        const cart = await createCart()
        const results = await Promise.all(Array.from({ length: 20 }, () => addItem(cart.id, serum, 1)))
        expect(results.filter((r) => r.status === 200)).toHaveLength(10)
        expect(results.filter((r) => r.status === 422)).toHaveLength(10)
        const final = (await api.get(`/api/v1/cart/${cart.id}`)).data.data
        expect(final.items).toHaveLength(1)
        expect(final.items[0].quantity).toBe(10)
      })
    })
  },
})

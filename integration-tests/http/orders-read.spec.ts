import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { dateInAmman, estimatedDelivery } from "../../src/lib/business-days"
import { adminHeaders } from "../helpers/admin"

const shiftDays = (date: string, days: number) =>
  new Date(new Date(`${date}T12:00:00Z`).getTime() + days * 86_400_000).toISOString().slice(0, 10)
import { ORDER_NUMBER_PATTERN } from "../../src/lib/order-number"
import { createCustomer } from "../helpers/customers"
import { seedShop } from "../helpers/catalogue"

jest.setTimeout(180 * 1000)

const anyStatus = { validateStatus: () => true }

/** GET /api/v1/orders/:id and GET /api/v1/orders for orders placed through Medusa's /store checkout. */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let shop: Awaited<ReturnType<typeof seedShop>>
    let regions: Record<string, string>

    beforeAll(async () => {
      shop = await seedShop(getContainer())
      const { data } = await api.get("/store/regions", { headers: { "x-publishable-api-key": shop.publishableKey } })
      regions = Object.fromEntries(data.regions.map((r: { id: string; currency_code: string }) => [r.currency_code, r.id]))
    })

    const store = (headers: Record<string, string> = {}) => ({
      headers: { "x-publishable-api-key": shop.publishableKey, ...headers },
      validateStatus: () => true,
    })

    /** A /store checkout as a storefront runs it; answers the order and the cart just before completion. */
    async function checkout(
      currency: "usd" | "jod",
      address: Record<string, string>,
      method: RegExp,
      headers: Record<string, string> = {}
    ) {
      const serum = shop.variant("SKN-SER-VC-30")
      const { data: created } = await api.post("/store/carts", { region_id: regions[currency] }, store(headers))
      const cartId = created.cart.id
      await api.post(`/store/carts/${cartId}/line-items`, { variant_id: serum.id, quantity: 2 }, store(headers))
      const updated = await api.post(
        `/store/carts/${cartId}`,
        { email: "buyer@example.com", shipping_address: address, billing_address: address },
        store(headers)
      )
      expect(updated.status).toBe(200)
      const { data: options } = await api.get(`/store/shipping-options?cart_id=${cartId}`, store(headers))
      const option = options.shipping_options.find((o: { name: string }) => method.test(o.name))
      expect((await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: option.id }, store(headers))).status).toBe(200)
      const collection = await api.post("/store/payment-collections", { cart_id: cartId }, store(headers))
      await api.post(
        `/store/payment-collections/${collection.data.payment_collection.id}/payment-sessions`,
        { provider_id: "pp_system_default" },
        store(headers)
      )
      const cart = (await api.get(`/api/v1/cart/${cartId}`, { headers })).data.data
      const placed = await api.post(`/store/carts/${cartId}/complete`, {}, store(headers))
      expect(placed.status).toBe(200)
      return { order: placed.data.order, cart }
    }

    const usAddress = {
      first_name: "Sam",
      last_name: "Buyer",
      address_1: "1 Main St",
      city: "Austin",
      province: "TX",
      postal_code: "73301",
      phone: "+15125550100",
      country_code: "us",
    }

    it("answers a guest order by its id in the contract shape, with the cart's totals", async () => {
      const { order, cart } = await checkout("usd", usAddress, /standard/i)
      const res = await api.get(`/api/v1/orders/${order.id}`, anyStatus)
      expect(res.status).toBe(200)
      const data = res.data.data
      expect(data).toEqual({
        id: order.id,
        orderNumber: expect.stringMatching(ORDER_NUMBER_PATTERN),
        status: "pending",
        paymentStatus: "pending",
        customerId: null,
        items: [
          expect.objectContaining({
            productId: shop.variant("SKN-SER-VC-30").productId,
            variantId: shop.variant("SKN-SER-VC-30").id,
            quantity: 2,
            unitPrice: 2950,
            totalPrice: 5900,
            product: expect.objectContaining({ name: expect.any(String), slug: expect.any(String) }),
            variant: expect.objectContaining({ sku: "SKN-SER-VC-30" }),
          }),
        ],
        subtotal: cart.subtotal,
        tax: cart.tax,
        shipping: 500,
        discount: cart.discount,
        total: cart.total,
        currency: "USD",
        shippingAddress: {
          firstName: "Sam",
          lastName: "Buyer",
          email: "buyer@example.com",
          phone: "+15125550100",
          country: "US",
          city: "Austin",
          governorate: "TX",
          postalCode: "73301",
          street: "1 Main St",
          building: null,
          apartment: null,
          instructions: null,
        },
        billingAddress: expect.objectContaining({ street: "1 Main St", country: "US" }),
        shippingMethod: { id: "standard", name: "Standard Delivery", price: 500, estimatedDays: "3-5" },
        paymentMethod: null,
        estimatedDelivery: estimatedDelivery(data.createdAt, 3),
        trackingNumber: null,
        notes: null,
        createdAt: expect.stringMatching(/Z$/),
        updatedAt: expect.stringMatching(/Z$/),
      })
      expect(data.total).toBe(data.subtotal - data.discount + data.tax + data.shipping)
    })

    it("keeps a customer's order theirs, lists it, and finds it by its SKN number", async () => {
      const amal = await createCustomer(api, shop.publishableKey, "amal.orders@example.com")
      const omar = await createCustomer(api, shop.publishableKey, "omar.orders@example.com")
      const amman = {
        first_name: "Amal",
        last_name: "Haddad",
        address_1: "Queen Rania Street",
        city: "Amman",
        province: "Amman",
        phone: "+962791234567",
        country_code: "jo",
      }
      const { order, cart } = await checkout("jod", amman, /express/i, amal.headers)

      const guest = await api.get(`/api/v1/orders/${order.id}`, anyStatus)
      expect(guest.status).toBe(401)
      expect(guest.data.error.code).toBe("AUTHENTICATION_ERROR")
      const other = await api.get(`/api/v1/orders/${order.id}`, { headers: omar.headers, ...anyStatus })
      expect(other.status).toBe(403)
      expect(other.data.error.code).toBe("AUTHORIZATION_ERROR")
      const own = await api.get(`/api/v1/orders/${order.id}`, { headers: amal.headers })
      expect(own.data.data).toMatchObject({
        customerId: amal.id,
        currency: "JOD",
        total: cart.total,
        shipping: 10000,
        shippingMethod: { id: "express", name: "Express Delivery", price: 10000, estimatedDays: "1-2" },
        shippingAddress: expect.objectContaining({ governorate: "Amman", country: "JO" }),
        estimatedDelivery: estimatedDelivery(own.data.data.createdAt, 1),
      })
      expect(own.data.data.total % 10).toBe(0)

      const list = await api.get("/api/v1/orders", { headers: amal.headers })
      expect(list.data.data.map((o: { id: string }) => o.id)).toEqual([order.id])
      expect(list.data.pagination).toEqual({ page: 1, limit: 20, total: 1, totalPages: 1, hasNext: false, hasPrev: false })
      const number = own.data.data.orderNumber
      const byNumber = await api.get(`/api/v1/orders?number=${number}`, { headers: amal.headers })
      expect(byNumber.data.data.map((o: { orderNumber: string }) => o.orderNumber)).toEqual([number])
      const notTheirs = await api.get(`/api/v1/orders?number=${number}`, { headers: omar.headers })
      expect(notTheirs.data.data).toEqual([])

      const bad = await api.get("/api/v1/orders?number=ORDER-1", { headers: amal.headers, ...anyStatus })
      expect(bad.status).toBe(400)
      expect(bad.data.error.details).toEqual([{ field: "number", message: "number must look like SKN-2025-000123" }])
      const anonymous = await api.get("/api/v1/orders", anyStatus)
      expect(anonymous.status).toBe(401)
      expect(anonymous.data.error.code).toBe("AUTHENTICATION_ERROR")
    })

    it("skips the merchant's public holidays in estimatedDelivery; Admin validates the list", async () => {
      const admin = { headers: await adminHeaders(api), ...anyStatus }
      const { order } = await checkout("usd", usAddress, /standard/i)
      const before = (await api.get(`/api/v1/orders/${order.id}`)).data.data
      const day = dateInAmman(before.createdAt)
      // Every one of the next 10 days a holiday: the estimate moves past all of them.
      const holidays = Array.from({ length: 10 }, (_, i) => ({
        date: shiftDays(day, i + 1),
        name: `Holiday ${i + 1}`,
      }))
      const saved = await api.post("/admin/public-holidays", { holidays }, admin)
      expect(saved.status).toBe(200)
      expect(saved.data.public_holidays).toEqual(holidays)
      const after = (await api.get(`/api/v1/orders/${order.id}`)).data.data
      const dates = holidays.map((h) => h.date)
      expect(after.estimatedDelivery).toBe(estimatedDelivery(before.createdAt, 3, dates))
      expect(after.estimatedDelivery > shiftDays(day, 10)).toBe(true)
      expect((await api.get("/admin/public-holidays", admin)).data.public_holidays).toEqual(holidays)

      const badDate = await api.post("/admin/public-holidays", { holidays: [{ date: "2025-02-30", name: "x" }] }, admin)
      expect(badDate.status).toBe(400)
      const twice = await api.post(
        "/admin/public-holidays",
        { holidays: [{ date: "2025-05-25", name: "a" }, { date: "2025-05-25", name: "b" }] },
        admin
      )
      expect(twice.status).toBe(400)
      expect((await api.post("/admin/public-holidays", { holidays: [] }, admin)).data.public_holidays).toEqual([])
      expect((await api.get("/admin/public-holidays", { ...anyStatus })).status).toBe(401)
    })

    it("answers 404 for an unknown order", async () => {
      const res = await api.get("/api/v1/orders/order_nope", anyStatus)
      expect(res.status).toBe(404)
      expect(res.data.error).toMatchObject({ code: "RESOURCE_NOT_FOUND", message: "Order order_nope not found" })
    })
  },
})

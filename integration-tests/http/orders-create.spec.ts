import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { estimatedDelivery } from "../../src/lib/business-days"
import { ORDER_NUMBER_PATTERN } from "../../src/lib/order-number"
import { adminHeaders } from "../helpers/admin"
import { createCustomer } from "../helpers/customers"
import { seedShop, SeededVariant } from "../helpers/catalogue"

jest.setTimeout(240 * 1000)

const anyStatus = { validateStatus: () => true }
const amman = (extra: Record<string, unknown> = {}) => ({
  firstName: "Ahmed",
  lastName: "Khalil",
  email: "ahmed@example.com",
  phone: "+962791234567",
  country: "JO",
  city: "Amman",
  governorate: "Amman",
  postalCode: "11118",
  street: "Queen Rania Street",
  building: "Building 15",
  apartment: "Apt 3A",
  instructions: "Ring doorbell twice",
  ...extra,
})

/** POST /api/v1/orders: a cart becomes an SKN-numbered order through Medusa's checkout. */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let shop: Awaited<ReturnType<typeof seedShop>>
    let serum: SeededVariant // 21.50 JOD / 29.50 USD

    beforeAll(async () => {
      shop = await seedShop(getContainer())
      serum = shop.variant("SKN-SER-VC-30")
    })

    const cartWith = async (currency: string, variant: SeededVariant, quantity: number, headers = {}) => {
      const cart = (await api.post("/api/v1/cart", { currency }, { headers })).data.data
      const added = await api.post(
        `/api/v1/cart/${cart.id}/items`,
        { productId: variant.productId, variantId: variant.id, quantity },
        { headers, ...anyStatus }
      )
      expect(added.status).toBe(200)
      return cart.id as string
    }
    const order = (body: Record<string, unknown>, headers = {}) =>
      api.post("/api/v1/orders", body, { headers, ...anyStatus })
    const codOrder = (cartId: string, extra: Record<string, unknown> = {}) => ({
      cartId,
      shippingAddress: amman(),
      billingAddress: "same",
      shippingMethod: "express",
      paymentMethod: "cash_on_delivery",
      notes: "Please handle with care",
      ...extra,
    })

    it("places a guest cash-on-delivery order in Amman: 201 in the requirements' shape, the cart's total", async () => {
      const cartId = await cartWith("JOD", serum, 2)
      const res = await order(codOrder(cartId))
      expect(res.status).toBe(201)
      expect(res.data.message).toBe("Order created successfully")
      const data = res.data.data
      expect(data).toMatchObject({
        orderNumber: expect.stringMatching(ORDER_NUMBER_PATTERN),
        status: "pending",
        paymentStatus: "pending",
        customerId: null,
        items: [expect.objectContaining({ variantId: serum.id, quantity: 2, unitPrice: 21500, totalPrice: 43000 })],
        subtotal: 43000,
        shipping: 10000,
        discount: 0,
        total: 53000,
        currency: "JOD",
        shippingAddress: amman(),
        billingAddress: amman(),
        shippingMethod: { id: "express", name: "Express Delivery", price: 10000, estimatedDays: "1-2" },
        paymentMethod: "cash_on_delivery",
        estimatedDelivery: estimatedDelivery(data.createdAt, 1),
        trackingNumber: null,
        notes: "Please handle with care",
      })
      // 16% GST inside the JOD total.
      expect(data.tax).toBe(Math.round((53000 * 16) / 116))
      expect((await api.get(`/api/v1/orders/${data.id}`)).data.data).toEqual(data)

      const again = await order(codOrder(cartId))
      expect(again.status).toBe(409)
      expect(again.data.error.code).toBe("CONFLICT")
    })

    it("confirms cash on delivery, then the merchant's capture in Admin makes it paid", async () => {
      const cartId = await cartWith("JOD", serum, 1)
      const placed = (await order(codOrder(cartId))).data.data
      const pay = (body: Record<string, unknown>) =>
        api.post(`/api/v1/orders/${placed.id}/payment`, body, anyStatus)

      const card = await pay({ paymentMethod: "stripe", paymentMethodId: "pm_1" })
      expect(card.status).toBe(400)
      expect(card.data.error.details).toEqual([
        { field: "paymentMethod", message: `Order ${placed.orderNumber} is paid by cash-on-delivery` },
      ])
      expect((await pay({ paymentMethod: "cheque" })).status).toBe(400)
      const confirmed = await pay({ paymentMethod: "cash_on_delivery", confirmationRequired: true })
      expect(confirmed.status).toBe(200)
      expect(confirmed.data.message).toBe("Order confirmed for cash on delivery")
      expect(confirmed.data.data.order).toMatchObject({ id: placed.id, status: "confirmed", paymentStatus: "pending" })
      const twice = await pay({ paymentMethod: "cash_on_delivery", confirmationRequired: true })
      expect(twice.status).toBe(409)
      expect(twice.data.error.code).toBe("CONFLICT")

      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [withPayments],
      } = await query.graph({
        entity: "order",
        fields: ["payment_collections.payments.id", "payment_collections.payments.amount"],
        filters: { id: placed.id },
      })
      const [payment] = (withPayments.payment_collections ?? []).flatMap((pc: any) => pc?.payments ?? [])
      expect(Number(payment!.amount)).toBe(placed.total / 1000)
      const captured = await api.post(`/admin/payments/${payment!.id}/capture`, {}, { headers: await adminHeaders(api) })
      expect(captured.status).toBe(200)
      const paid = (await api.get(`/api/v1/orders/${placed.id}`)).data.data
      expect(paid).toMatchObject({ status: "confirmed", paymentStatus: "paid" })
      expect((await pay({ paymentMethod: "cash_on_delivery" })).status).toBe(409)
    })

    it("answers a retry with the same Idempotency-Key and body with the first answer; another body is 409", async () => {
      const cartId = await cartWith("JOD", serum, 1)
      const headers = { "Idempotency-Key": `order-${cartId}` }
      const [first, retry] = await Promise.all([order(codOrder(cartId), headers), order(codOrder(cartId), headers)])
      expect([first.status, retry.status]).toEqual([201, 201])
      expect(retry.data).toEqual(first.data)
      expect([first.headers["idempotent-replayed"], retry.headers["idempotent-replayed"]].sort()).toEqual(["true", undefined].sort())
      const other = await order(codOrder(cartId, { notes: "Another note" }), headers)
      expect(other.status).toBe(409)
      expect(other.data.error).toMatchObject({ code: "CONFLICT", message: "This Idempotency-Key was used with another request body" })
      const bad = await order(codOrder(cartId), { "Idempotency-Key": "not a key!" })
      expect(bad.status).toBe(400)

      const pay = (key: string) =>
        api.post(`/api/v1/orders/${first.data.data.id}/payment`, { paymentMethod: "cash_on_delivery" }, {
          headers: { "Idempotency-Key": key },
          ...anyStatus,
        })
      const confirmed = await pay("pay-1")
      expect(confirmed.status).toBe(200)
      expect((await pay("pay-1")).data).toEqual(confirmed.data)
      expect((await pay("pay-2")).status).toBe(409)
    })

    it("gives one order for 10 parallel requests with the same cart; the rest answer 409", async () => {
      const cartId = await cartWith("JOD", serum, 1)
      const answers = await Promise.all(Array.from({ length: 10 }, () => order(codOrder(cartId))))
      const statuses = answers.map((a) => a.status).sort()
      expect(statuses).toEqual([201, ...Array(9).fill(409)])
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
      expect(data).toHaveLength(1)
    })

    it("answers 409 INVENTORY_ERROR naming the variant when another order took the last units", async () => {
      const scarce = shop.catalogue
        .flatMap((p) => p.variants)
        .map((v) => shop.variant(v.sku))
        .find((v) => v.stock > 0 && v.stock <= 5)!
      const first = await cartWith("JOD", scarce, scarce.stock)
      const second = await cartWith("JOD", scarce, scarce.stock)
      expect((await order(codOrder(first))).status).toBe(201)
      const res = await order(codOrder(second))
      expect(res.status).toBe(409)
      expect(res.data.error).toMatchObject({
        code: "INVENTORY_ERROR",
        details: [expect.objectContaining({ field: "variantId", variantId: scarce.id, requested: scarce.stock, available: 0 })],
      })
    })

    it("answers the requirements' 400s and 422s", async () => {
      const cartId = await cartWith("JOD", serum, 1)
      const unknown = await order(codOrder("cart_nope"))
      expect(unknown.status).toBe(400)
      expect(unknown.data.error.details).toEqual([{ field: "cartId", message: "Cart cart_nope does not exist" }])
      const extra = await order({ ...codOrder(cartId), coupon: "X" })
      expect(extra.status).toBe(400)
      const badMethod = await order(codOrder(cartId, { shippingMethod: "drone" }))
      expect(badMethod.status).toBe(400)

      const phone = await order(codOrder(cartId, { shippingAddress: amman({ phone: "0791234567" }) }))
      expect(phone.status).toBe(422)
      expect(phone.data.error.details).toEqual([
        { field: "shippingAddress.phone", message: "phone must be in E.164 form, e.g. +962791234567" },
      ])
      const email = await order(codOrder(cartId, { shippingAddress: amman({ email: "not-an-email" }) }))
      expect(email.status).toBe(422)
      const governorate = await order(codOrder(cartId, { shippingAddress: amman({ governorate: "Narnia" }) }))
      expect(governorate.status).toBe(422)
      const sameDay = await order(
        codOrder(cartId, { shippingMethod: "same_day", shippingAddress: amman({ city: "Irbid", governorate: "Irbid" }) })
      )
      expect(sameDay.status).toBe(422)
      expect(sameDay.data.error.details).toEqual([
        { field: "shippingMethod", message: "Same Day Delivery is not available for Irbid (JO-IR)" },
      ])
      const stripe = await order(codOrder(cartId, { paymentMethod: "stripe" }))
      expect(stripe.status).toBe(422)

      const usCart = await cartWith("USD", serum, 1)
      const us = {
        ...amman({ country: "US", city: "Austin", governorate: "TX", phone: "+15125550100" }),
      }
      const codUs = await order(codOrder(usCart, { shippingAddress: us, shippingMethod: "standard" }))
      expect(codUs.status).toBe(422)
      expect(codUs.data.error.details).toEqual([
        { field: "paymentMethod", message: "Cash on delivery is only offered in Jordan" },
      ])
      // None of these placed an order.
      expect((await api.get(`/api/v1/cart/${cartId}`)).status).toBe(200)
    })

    it("keeps a customer's cart theirs: no token 401, another customer 403, a customerId of someone else 400", async () => {
      const amal = await createCustomer(api, shop.publishableKey, "amal.checkout@example.com")
      const omar = await createCustomer(api, shop.publishableKey, "omar.checkout@example.com")
      const cartId = (await api.post("/api/v1/cart", { currency: "JOD", customerId: amal.id }, { headers: amal.headers }))
        .data.data.id
      await api.post(
        `/api/v1/cart/${cartId}/items`,
        { productId: serum.productId, variantId: serum.id, quantity: 1 },
        { headers: amal.headers }
      )
      expect((await order(codOrder(cartId))).status).toBe(401)
      expect((await order(codOrder(cartId), omar.headers)).status).toBe(403)
      const mismatch = await order(codOrder(cartId, { customerId: omar.id }), amal.headers)
      expect(mismatch.status).toBe(400)
      const own = await order(codOrder(cartId, { customerId: amal.id }), amal.headers)
      expect(own.status).toBe(201)
      expect(own.data.data.customerId).toBe(amal.id)
      const mine = await api.get("/api/v1/orders", { headers: amal.headers })
      expect(mine.data.data.map((o: { id: string }) => o.id)).toEqual([own.data.data.id])
    })
  },
})

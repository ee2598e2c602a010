import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { adminHeaders } from "../helpers/admin"
import { austinAddress } from "../helpers/addresses"
import { createCustomer } from "../helpers/customers"
import { seedShop } from "../helpers/catalogue"
import { FakeStripe, startFakeStripe } from "../helpers/fake-stripe"
import { useFakeStripeEnv } from "../helpers/stripe-env"

const FAKE_PORT = useFakeStripeEnv()

jest.setTimeout(240 * 1000)

const anyStatus = { validateStatus: () => true }

/**
 * Shoppers from cart to a delivered, paid order, with the merchant's steps
 * taken through Medusa's Admin API and the contract's status and
 * paymentStatus checked at each step: a guest in Amman paying cash on
 * delivery, and a signed-in customer in the United States paying by card
 * (Stripe: a local fake of its API).
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let stripe: FakeStripe
    beforeAll(async () => {
      stripe = await startFakeStripe({ port: FAKE_PORT })
    })
    afterAll(async () => {
      await stripe?.close()
    })

    it("cart → hold → quote → discount → order → confirm → fulfil → ship → deliver → capture", async () => {
      const shop = await seedShop(getContainer())
      const serum = shop.variant("SKN-SER-VC-30") // 21.50 JOD
      const admin = { headers: await adminHeaders(api) }
      const stockOf = async () =>
        (await api.get(`/api/v1/inventory/${serum.productId}/variants/${serum.id}`)).data.data.inventoryCount as number
      const before = await stockOf()

      const cartId = (await api.post("/api/v1/cart", { currency: "JOD" })).data.data.id
      await api.post(`/api/v1/cart/${cartId}/items`, { productId: serum.productId, variantId: serum.id, quantity: 2 })
      const hold = await api.post("/api/v1/inventory/reserve", {
        cartId,
        items: [{ productId: serum.productId, variantId: serum.id, quantity: 2 }],
      })
      expect(hold.status).toBe(201)
      expect(await stockOf()).toBe(before - 2)

      const address = {
        firstName: "Ahmed",
        lastName: "Khalil",
        email: "ahmed.journey@example.com",
        phone: "+962791234567",
        country: "JO",
        city: "Amman",
        governorate: "العاصمة",
        street: "Queen Rania Street",
      }
      const quote = await api.post("/api/v1/checkout/shipping", { cartId, shippingAddress: address })
      expect(quote.data.data.methods.map((m: { id: string }) => m.id)).toEqual(["standard", "express", "same_day"])
      const discount = await api.post("/api/v1/checkout/discount", { cartId, discountCode: "SAVE20" })
      expect(discount.data.data.cart).toMatchObject({ subtotal: 43000, discount: 8600 })

      const placed = await api.post("/api/v1/orders", {
        cartId,
        shippingAddress: address,
        shippingMethod: "same_day",
        paymentMethod: "cash_on_delivery",
      })
      expect(placed.status).toBe(201)
      const orderId = placed.data.data.id
      expect(placed.data.data).toMatchObject({
        status: "pending",
        paymentStatus: "pending",
        subtotal: 43000,
        discount: 8600,
        shipping: 15000,
        total: 49400,
        shippingAddress: expect.objectContaining({ governorate: "Amman" }),
        shippingMethod: { id: "same_day", name: "Same Day Delivery", price: 15000, estimatedDays: "Same day" },
      })
      // The hold became the order's reservation: counted once.
      expect(await stockOf()).toBe(before - 2)
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: reservations } = await query.graph({
        entity: "reservation_item",
        fields: ["quantity", "line_item_id"],
        filters: { inventory_item_id: (await inventoryItemOf(serum.id)) as string },
      })
      expect(reservations.reduce((sum, r) => sum + Number(r.quantity), 0)).toBe(2)

      const statusOf = async () => {
        const { data } = await api.get(`/api/v1/orders/${orderId}`)
        return [data.data.status, data.data.paymentStatus, data.data.trackingNumber]
      }
      await api.post(`/api/v1/orders/${orderId}/payment`, { paymentMethod: "cash_on_delivery", confirmationRequired: true })
      expect(await statusOf()).toEqual(["confirmed", "pending", null])

      const { data: detail } = await api.get(`/admin/orders/${orderId}?fields=id,*items`, admin)
      const items = detail.order.items.map((i: { id: string; quantity: number }) => ({ id: i.id, quantity: i.quantity }))
      const fulfilled = await api.post(`/admin/orders/${orderId}/fulfillments`, { items }, { ...admin, ...anyStatus })
      expect(fulfilled.status).toBe(200)
      expect(await statusOf()).toEqual(["processing", "pending", null])
      const { data: withFulfillments } = await query.graph({
        entity: "order",
        fields: ["fulfillments.id"],
        filters: { id: orderId },
      })
      const fulfillmentId = withFulfillments[0].fulfillments![0]!.id

      const shipped = await api.post(
        `/admin/orders/${orderId}/fulfillments/${fulfillmentId}/shipments`,
        { items, labels: [{ tracking_number: "JO123456789", tracking_url: "https://track.example/JO123456789", label_url: "https://track.example/label" }] },
        { ...admin, ...anyStatus }
      )
      expect(shipped.status).toBe(200)
      expect(await statusOf()).toEqual(["shipped", "pending", "JO123456789"])

      const delivered = await api.post(
        `/admin/orders/${orderId}/fulfillments/${fulfillmentId}/mark-as-delivered`,
        {},
        { ...admin, ...anyStatus }
      )
      expect(delivered.status).toBe(200)
      expect(await statusOf()).toEqual(["delivered", "pending", "JO123456789"])

      const { data: payments } = await query.graph({
        entity: "order",
        fields: ["payment_collections.payments.id"],
        filters: { id: orderId },
      })
      const paymentId = (payments[0].payment_collections ?? []).flatMap((pc: any) => pc?.payments ?? [])[0].id
      expect((await api.post(`/admin/payments/${paymentId}/capture`, {}, { ...admin, ...anyStatus })).status).toBe(200)
      expect(await statusOf()).toEqual(["delivered", "paid", "JO123456789"])
    })

    it("a US customer by card: cart → hold → quote → discount → order → pay → fulfil → ship → deliver", async () => {
      const shop = await seedShop(getContainer())
      const serum = shop.variant("SKN-SER-VC-30") // 29.50 USD
      const admin = { headers: await adminHeaders(api) }
      const sam = await createCustomer(api, shop.publishableKey, "sam.journey@example.com")
      const auth = { headers: sam.headers }

      const cartId = (await api.post("/api/v1/cart", { currency: "USD", customerId: sam.id }, auth)).data.data.id
      await api.post(`/api/v1/cart/${cartId}/items`, { productId: serum.productId, variantId: serum.id, quantity: 2 }, auth)
      const item = { productId: serum.productId, variantId: serum.id, quantity: 2 }
      expect((await api.post("/api/v1/inventory/reserve", { cartId, items: [item] }, auth)).status).toBe(201)
      const address = austinAddress({ email: "sam.journey@example.com" })
      const quote = await api.post("/api/v1/checkout/shipping", { cartId, shippingAddress: address }, auth)
      expect(quote.data.data.methods.map((m: { id: string }) => m.id)).toEqual(["standard", "express"])
      const discount = await api.post("/api/v1/checkout/discount", { cartId, discountCode: "SAVE20" }, auth)
      expect(discount.data.data.cart).toMatchObject({ subtotal: 5900, discount: 1180 })

      const placed = await api.post(
        "/api/v1/orders",
        { cartId, customerId: sam.id, shippingAddress: address, shippingMethod: "express", paymentMethod: "stripe" },
        auth
      )
      expect(placed.status).toBe(201)
      const order = placed.data.data
      expect(order).toMatchObject({ status: "pending", paymentStatus: "pending", customerId: sam.id, paymentMethod: "stripe", currency: "USD" })
      // US: tax added on the discounted items; total = subtotal - discount + tax + shipping.
      expect(order.total).toBe(order.subtotal - order.discount + order.tax + order.shipping)

      const statusOf = async () => {
        const { data } = await api.get(`/api/v1/orders/${order.id}`, auth)
        return [data.data.status, data.data.paymentStatus, data.data.trackingNumber]
      }
      const paid = await api.post(`/api/v1/orders/${order.id}/payment`, { paymentMethod: "stripe", paymentMethodId: "pm_card_visa" }, auth)
      expect(paid.data.data.paymentIntent.status).toBe("succeeded")
      const intent = stripe.intents.get(paid.data.data.paymentIntent.id)!
      expect(intent).toMatchObject({ amount: order.total, currency: "usd", status: "succeeded" })
      expect(await statusOf()).toEqual(["confirmed", "paid", null])

      const { data: detail } = await api.get(`/admin/orders/${order.id}?fields=id,*items`, admin)
      const items = detail.order.items.map((i: { id: string; quantity: number }) => ({ id: i.id, quantity: i.quantity }))
      expect((await api.post(`/admin/orders/${order.id}/fulfillments`, { items }, { ...admin, ...anyStatus })).status).toBe(200)
      expect(await statusOf()).toEqual(["processing", "paid", null])
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: fulfilled } = await query.graph({ entity: "order", fields: ["fulfillments.id"], filters: { id: order.id } })
      const fulfillmentId = fulfilled[0].fulfillments![0]!.id
      const labels = [{ tracking_number: "1Z999AA10123456784", tracking_url: "https://track.example/1Z", label_url: "https://track.example/l" }]
      const shipped = await api.post(`/admin/orders/${order.id}/fulfillments/${fulfillmentId}/shipments`, { items, labels }, { ...admin, ...anyStatus })
      expect(shipped.status).toBe(200)
      expect(await statusOf()).toEqual(["shipped", "paid", "1Z999AA10123456784"])
      const delivered = await api.post(`/admin/orders/${order.id}/fulfillments/${fulfillmentId}/mark-as-delivered`, {}, { ...admin, ...anyStatus })
      expect(delivered.status).toBe(200)
      expect(await statusOf()).toEqual(["delivered", "paid", "1Z999AA10123456784"])
      const mine = await api.get("/api/v1/orders", auth)
      expect(mine.data.data.map((o: { id: string }) => o.id)).toEqual([order.id])
    })

    async function inventoryItemOf(variantId: string) {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "product_variant",
        fields: ["inventory_items.inventory_item_id"],
        filters: { id: variantId },
      })
      return data[0].inventory_items?.[0]?.inventory_item_id
    }

    it("cancelling an order in Admin answers cancelled and gives its stock back", async () => {
      const shop = await seedShop(getContainer())
      const cream = shop.variant("SKN-MOI-CB-100")
      const stockOf = async () =>
        (await api.get(`/api/v1/inventory/${cream.productId}/variants/${cream.id}`)).data.data.inventoryCount as number
      const before = await stockOf()
      const cartId = (await api.post("/api/v1/cart", { currency: "JOD" })).data.data.id
      await api.post(`/api/v1/cart/${cartId}/items`, { productId: cream.productId, variantId: cream.id, quantity: 1 })
      const placed = await api.post("/api/v1/orders", {
        cartId,
        shippingAddress: {
          firstName: "Lina",
          lastName: "Haddad",
          email: "lina.cancel@example.com",
          phone: "+962791234568",
          country: "JO",
          city: "Irbid",
          governorate: "irbid",
          street: "University Street",
        },
        shippingMethod: "standard",
        paymentMethod: "cash_on_delivery",
      })
      expect(placed.status).toBe(201)
      expect(await stockOf()).toBe(before - 1)
      const admin = { headers: await adminHeaders(api) }
      expect((await api.post(`/admin/orders/${placed.data.data.id}/cancel`, {}, { ...admin, ...anyStatus })).status).toBe(200)
      const { data } = await api.get(`/api/v1/orders/${placed.data.data.id}`)
      expect(data.data.status).toBe("cancelled")
      expect(await stockOf()).toBe(before)
    })
  },
})

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { stripeClient } from "../../src/lib/stripe"
import { adminHeaders } from "../helpers/admin"
import { ammanAddress, austinAddress } from "../helpers/addresses"
import { createCustomer } from "../helpers/customers"
import { seedShop, SeededVariant } from "../helpers/catalogue"
import { FakeStripe, startFakeStripe } from "../helpers/fake-stripe"
import { useFakeStripeEnv } from "../helpers/stripe-env"

const FAKE_PORT = useFakeStripeEnv()

jest.setTimeout(240 * 1000)

const anyStatus = { validateStatus: () => true }
const austin = austinAddress()
const amman = ammanAddress()

/**
 * Card payments through Stripe (a local fake of its HTTP API, driven by the
 * real SDK inside Medusa's provider): order first with a deferred session,
 * then POST /api/v1/orders/:id/payment confirms the PaymentIntent.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let stripe: FakeStripe
    let shop: Awaited<ReturnType<typeof seedShop>>
    let serum: SeededVariant // 21.50 JOD / 29.50 USD

    beforeAll(async () => {
      stripe = await startFakeStripe({ port: FAKE_PORT })
      shop = await seedShop(getContainer())
      serum = shop.variant("SKN-SER-VC-30")
    })
    afterAll(async () => {
      await stripe?.close()
    })

    const cardOrder = async (currency: "USD" | "JOD", quantity = 1, headers = {}, customerId?: string) => {
      const cart = (await api.post("/api/v1/cart", { currency, ...(customerId ? { customerId } : {}) }, { headers })).data.data
      await api.post(`/api/v1/cart/${cart.id}/items`, { productId: serum.productId, variantId: serum.id, quantity }, { headers })
      const placed = await api.post(
        "/api/v1/orders",
        {
          cartId: cart.id,
          shippingAddress: currency === "USD" ? austin : amman,
          billingAddress: "same",
          shippingMethod: "standard",
          paymentMethod: "stripe",
        },
        { headers, ...anyStatus }
      )
      expect(placed.status).toBe(201)
      return placed.data.data
    }
    const pay = (orderId: string, body: Record<string, unknown>, headers = {}) =>
      api.post(`/api/v1/orders/${orderId}/payment`, { paymentMethod: "stripe", ...body }, { headers, ...anyStatus })
    const intentOf = (orderId: string) =>
      [...stripe.intents.values()].find((intent) => intent.metadata.order_id === orderId)
    const medusaPayment = async (orderId: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "order",
        fields: [
          "payment_collections.payment_sessions.status",
          "payment_collections.payments.id",
          "payment_collections.payments.captured_at",
          "payment_collections.payments.captures.amount",
          "transactions.amount",
        ],
        filters: { id: orderId },
      })
      const collection = data[0].payment_collections[0]
      return {
        session: collection.payment_sessions[0].status,
        payments: collection.payments ?? [],
        transactions: (data[0].transactions ?? []).map((t: { amount: number }) => Number(t.amount)),
      }
    }

    it("places a US card order pending, then a good card pays it: the intent carries the order total in cents", async () => {
      const order = await cardOrder("USD", 2)
      expect(order).toMatchObject({ status: "pending", paymentStatus: "pending", paymentMethod: "stripe", currency: "USD" })
      expect(await medusaPayment(order.id)).toMatchObject({ session: "pending_authorization", payments: [] })

      const res = await pay(order.id, { paymentMethodId: "pm_card_visa", savePaymentMethod: false })
      expect(res.status).toBe(200)
      const intent = intentOf(order.id)!
      expect(res.data.data.paymentIntent).toEqual({ id: intent.id, clientSecret: intent.client_secret, status: "succeeded" })
      expect(res.data.data.order).toMatchObject({ id: order.id, status: "confirmed", paymentStatus: "paid" })
      expect(intent).toMatchObject({
        amount: order.total,
        currency: "usd",
        status: "succeeded",
        metadata: expect.objectContaining({ order_id: order.id, order_number: order.orderNumber, email: "sam@example.com" }),
      })
      const medusa = await medusaPayment(order.id)
      expect(medusa.session).toBe("authorized")
      expect(medusa.payments).toHaveLength(1)
      expect(medusa.payments[0].captured_at).toBeTruthy()
      expect(medusa.transactions).toEqual([order.total / 100])

      // Paid: a second payment is a conflict; cash on delivery is not this order's method.
      const again = await pay(order.id, { paymentMethodId: "pm_card_visa" })
      expect(again.status).toBe(409)
      expect(again.data.error).toMatchObject({ code: "CONFLICT", message: `Order ${order.orderNumber} is already paid` })
      const cod = await api.post(`/api/v1/orders/${order.id}/payment`, { paymentMethod: "cash_on_delivery" }, anyStatus)
      expect(cod.status).toBe(400)
      expect(cod.data.error.code).toBe("VALIDATION_ERROR")
      expect(stripe.confirmCount(intent.id)).toBe(1)
    })

    it("charges a Jordan card order in whole 10 fils, the same number as the order total", async () => {
      const order = await cardOrder("JOD", 3)
      expect(order.total % 10).toBe(0)
      const res = await pay(order.id, { paymentMethodId: "pm_card_mastercard" })
      expect(res.status).toBe(200)
      expect(intentOf(order.id)).toMatchObject({ amount: order.total, currency: "jod", status: "succeeded" })
      expect(res.data.data.order.paymentStatus).toBe("paid")
      expect((await medusaPayment(order.id)).transactions).toEqual([order.total / 1000])
    })

    it("answers a declined card 402 with Stripe's decline code; the order shows failed and a good card still pays", async () => {
      const order = await cardOrder("USD")
      const declined = await pay(order.id, { paymentMethodId: "pm_card_chargeDeclined" })
      expect(declined.status).toBe(402)
      expect(declined.data.error).toMatchObject({
        code: "PAYMENT_ERROR",
        message: "Your card was declined",
        details: [{ field: "paymentMethodId", message: "Your card was declined.", code: "card_declined", declineCode: "generic_decline" }],
        requestId: expect.any(String),
      })
      expect((await api.get(`/api/v1/orders/${order.id}`)).data.data).toMatchObject({ status: "pending", paymentStatus: "failed" })

      const poor = await pay(order.id, { paymentMethodId: "pm_card_chargeDeclinedInsufficientFunds" })
      expect(poor.status).toBe(402)
      expect(poor.data.error.details[0]).toMatchObject({ code: "card_declined", declineCode: "insufficient_funds" })
      const expired = await pay(order.id, { paymentMethodId: "pm_card_chargeDeclinedExpiredCard" })
      expect(expired.status).toBe(402)
      expect(expired.data.error.details[0]).toMatchObject({ code: "expired_card" })

      const unknown = await pay(order.id, { paymentMethodId: "pm_nope" })
      expect(unknown.status).toBe(400)
      expect(unknown.data.error.details).toEqual([{ field: "paymentMethodId", message: "Stripe does not know this payment method" }])

      const good = await pay(order.id, { paymentMethodId: "pm_card_visa" })
      expect(good.status).toBe(200)
      expect(good.data.data.order).toMatchObject({ status: "confirmed", paymentStatus: "paid" })
      expect((await medusaPayment(order.id)).payments).toHaveLength(1)
    })

    it("answers 3-D Secure with the client secret; the order is processing until Stripe says succeeded", async () => {
      const order = await cardOrder("USD")
      const res = await pay(order.id, { paymentMethodId: "pm_card_threeDSecure2Required" })
      expect(res.status).toBe(200)
      const intent = intentOf(order.id)!
      expect(res.data.data.paymentIntent).toEqual({ id: intent.id, clientSecret: intent.client_secret, status: "requires_action" })
      expect(res.data.message).toBe("Card authentication required")
      expect(res.data.data.order).toMatchObject({ status: "pending", paymentStatus: "processing" })
      expect(await medusaPayment(order.id)).toMatchObject({ session: "pending_authorization", payments: [] })
    })

    it("confirms once for the same Idempotency-Key, and refuses the key with another body", async () => {
      const order = await cardOrder("USD")
      const headers = { "Idempotency-Key": `pay-${order.id}` }
      const first = await pay(order.id, { paymentMethodId: "pm_card_visa" }, headers)
      const second = await pay(order.id, { paymentMethodId: "pm_card_visa" }, headers)
      expect(first.status).toBe(200)
      expect(second.status).toBe(200)
      expect(second.headers["idempotent-replayed"]).toBe("true")
      expect(second.data).toEqual(first.data)
      expect(stripe.confirmCount(intentOf(order.id)!.id)).toBe(1)
      const other = await pay(order.id, { paymentMethodId: "pm_card_mastercard" }, headers)
      expect(other.status).toBe(409)
      expect(other.data.error.code).toBe("CONFLICT")
    })

    it("keeps a customer's order theirs (403 for another), saves their card on request, and refuses saving for guests", async () => {
      const lina = await createCustomer(api, shop.publishableKey, "lina.card@example.com")
      const omar = await createCustomer(api, shop.publishableKey, "omar.card@example.com")
      const order = await cardOrder("USD", 1, lina.headers, lina.id)
      expect((await pay(order.id, { paymentMethodId: "pm_card_visa" }, omar.headers)).status).toBe(403)
      expect((await pay(order.id, { paymentMethodId: "pm_card_visa" })).status).toBe(401)

      const saved = await pay(order.id, { paymentMethodId: "pm_card_visa", savePaymentMethod: true }, lina.headers)
      expect(saved.status).toBe(200)
      const intent = intentOf(order.id)!
      expect(intent.customer).toMatch(/^cus_/)
      const customer = stripe.customers.get(intent.customer!)!
      expect(customer).toMatchObject({ email: "lina.card@example.com" })
      expect(intent.setup_future_usage).toBe("off_session")
      const cards = await stripeClient()!.customers.listPaymentMethods(intent.customer!)
      expect(cards.data.map((card) => card.id)).toEqual(["pm_card_visa"])

      const guest = await cardOrder("USD")
      const refused = await pay(guest.id, { paymentMethodId: "pm_card_visa", savePaymentMethod: true })
      expect(refused.status).toBe(400)
      expect(refused.data.error.details).toEqual([{ field: "savePaymentMethod", message: "Saving a card needs a signed-in customer" }])
    })

    it("validates the body: 400 for a missing card, an unknown field or a bad method; 404 for an unknown order", async () => {
      const order = await cardOrder("USD")
      expect((await pay(order.id, {})).status).toBe(400)
      expect((await pay(order.id, { paymentMethodId: "pm_card_visa", extra: 1 })).status).toBe(400)
      expect((await pay(order.id, { paymentMethodId: "x".repeat(101) })).status).toBe(400)
      const unknown = await pay("order_unknown", { paymentMethodId: "pm_card_visa" })
      expect(unknown.status).toBe(404)
      expect(unknown.data.error.code).toBe("RESOURCE_NOT_FOUND")
    })

    it("refunds from Admin through Stripe: paymentStatus refunded", async () => {
      const order = await cardOrder("USD")
      expect((await pay(order.id, { paymentMethodId: "pm_card_visa" })).status).toBe(200)
      const [payment] = (await medusaPayment(order.id)).payments
      const admin = { headers: await adminHeaders(api) }
      const refund = await api.post(`/admin/payments/${payment.id}/refund`, {}, { ...admin, ...anyStatus })
      expect(refund.status).toBe(200)
      const intent = intentOf(order.id)!
      const refunds = [...stripe.refunds.values()].filter((r) => r.payment_intent === intent.id)
      expect(refunds.map((r) => r.amount)).toEqual([order.total])
      expect((await api.get(`/api/v1/orders/${order.id}`)).data.data.paymentStatus).toBe("refunded")
    })
  },
})

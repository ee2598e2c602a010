import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { STRIPE_EVENT_MODULE } from "../../src/modules/stripe-event"
import type StripeEventModuleService from "../../src/modules/stripe-event/service"
import { austinAddress } from "../helpers/addresses"
import { seedShop, SeededVariant } from "../helpers/catalogue"
import { eventually } from "../helpers/eventually"
import { FakeStripe, signWebhook, startFakeStripe, stripeEvent } from "../helpers/fake-stripe"
import { STRIPE_TEST_SECRET, useFakeStripeEnv } from "../helpers/stripe-env"

const FAKE_PORT = useFakeStripeEnv()

jest.setTimeout(240 * 1000)

const anyStatus = { validateStatus: () => true }
const austin = austinAddress()

/**
 * POST /api/webhooks/stripe: verified on the raw body before anything else,
 * each event id applied once, in any order, by the worker.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let stripe: FakeStripe
    let serum: SeededVariant

    beforeAll(async () => {
      stripe = await startFakeStripe({ port: FAKE_PORT })
      const shop = await seedShop(getContainer())
      serum = shop.variant("SKN-SER-VC-30")
    })
    afterAll(async () => {
      await stripe?.close()
    })

    const send = (body: string, headers: Record<string, string>) =>
      api.post("/api/webhooks/stripe", body, { headers: { "content-type": "application/json", ...headers }, ...anyStatus })
    const deliver = (event: object, secret = STRIPE_TEST_SECRET, timestamp?: number) => {
      const body = JSON.stringify(event)
      return send(body, { "stripe-signature": signWebhook(body, secret, timestamp) })
    }
    const events = () => getContainer().resolve<StripeEventModuleService>(STRIPE_EVENT_MODULE)
    const rowOf = async (eventId: string) => (await events().listStripeEvents({ event_id: eventId }))[0]

    /** A US card order, its PaymentIntent confirmed with `card` (the shopper is mid-payment). */
    const orderPaidWith = async (card: string) => {
      const cart = (await api.post("/api/v1/cart", { currency: "USD" })).data.data
      await api.post(`/api/v1/cart/${cart.id}/items`, { productId: serum.productId, variantId: serum.id, quantity: 1 })
      const order = (
        await api.post("/api/v1/orders", {
          cartId: cart.id,
          shippingAddress: austin,
          shippingMethod: "standard",
          paymentMethod: "stripe",
        })
      ).data.data
      await api.post(`/api/v1/orders/${order.id}/payment`, { paymentMethod: "stripe", paymentMethodId: card }, anyStatus)
      const intent = [...stripe.intents.values()].find((i) => i.metadata.order_id === order.id)!
      return { order, intent }
    }
    const orderState = async (orderId: string) => {
      const { data } = await api.get(`/api/v1/orders/${orderId}`)
      return `${data.data.status}/${data.data.paymentStatus}`
    }
    const paymentsOf = async (orderId: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "order",
        fields: ["payment_collections.payments.id", "payment_collections.payments.captures.id", "metadata"],
        filters: { id: orderId },
      })
      const payments = data[0].payment_collections[0].payments ?? []
      return {
        payments: payments.length,
        captures: payments.flatMap((p: { captures?: unknown[] }) => p.captures ?? []).length,
        metadata: data[0].metadata,
      }
    }

    it("answers 401 without a signature and 400 for a bad or stale one, in the contract's error shape", async () => {
      const event = stripeEvent("payment_intent.succeeded", { id: "pi_x", object: "payment_intent" })
      const body = JSON.stringify(event)
      const none = await send(body, {})
      expect(none.status).toBe(401)
      expect(none.data).toEqual({
        error: { code: "AUTHENTICATION_ERROR", message: "Missing Stripe-Signature header", requestId: none.headers["x-request-id"] },
      })
      const wrongSecret = await deliver(event, "whsec_someone_else")
      expect(wrongSecret.status).toBe(400)
      expect(wrongSecret.data.error).toMatchObject({ code: "VALIDATION_ERROR", message: "Invalid Stripe signature" })
      const stale = await deliver(event, STRIPE_TEST_SECRET, Math.floor(Date.now() / 1000) - 301)
      expect(stale.status).toBe(400)
      const tampered = await send(body.replace("pi_x", "pi_y"), { "stripe-signature": signWebhook(body, STRIPE_TEST_SECRET) })
      expect(tampered.status).toBe(400)
      expect(await rowOf(event.id)).toBeUndefined()
    })

    it("answers 422 for an event type the shop does not handle, and 200 for each of the seven it does", async () => {
      const other = await deliver(stripeEvent("charge.refunded", { id: "ch_1", object: "charge" }))
      expect(other.status).toBe(422)
      expect(other.data.error.code).toBe("VALIDATION_ERROR")
      for (const type of [
        "invoice.payment_succeeded",
        "customer.subscription.created",
        "customer.subscription.updated",
        "customer.subscription.deleted",
      ]) {
        const event = stripeEvent(type, { id: `${type.split(".")[0]}_1`, object: type.split(".")[0] })
        const res = await deliver(event)
        expect(res.status).toBe(200)
        expect(res.data).toEqual({ received: true })
        await eventually(async () => expect((await rowOf(event.id))?.status).toBe("recorded"))
      }
    })

    it("ignores an intent of no order of ours (200, recorded as ignored)", async () => {
      const event = stripeEvent("payment_intent.succeeded", {
        id: "pi_not_ours",
        object: "payment_intent",
        status: "succeeded",
        metadata: { session_id: "payses_unknown" },
      })
      expect((await deliver(event)).data).toEqual({ received: true })
      await eventually(async () => expect((await rowOf(event.id))?.status).toBe("ignored"))
    })

    it("settles a 3-D Secure payment on payment_intent.succeeded; ten replays change nothing", async () => {
      const { order, intent } = await orderPaidWith("pm_card_threeDSecure2Required")
      expect(await orderState(order.id)).toBe("pending/processing")
      stripe.authenticate(intent.id, "succeed")
      const event = stripeEvent("payment_intent.succeeded", { ...stripe.intents.get(intent.id)! })
      const answers = await Promise.all(Array.from({ length: 10 }, () => deliver(event)))
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200))
      await eventually(async () => expect(await orderState(order.id)).toBe("confirmed/paid"))
      // The event is marked a few steps after the capture the order shows.
      await eventually(async () =>
        expect(await rowOf(event.id)).toMatchObject({ status: "processed", order_id: order.id, attempts: 1 })
      )
      expect((await events().listStripeEvents({ event_id: event.id })).length).toBe(1)
      expect(await paymentsOf(order.id)).toMatchObject({ payments: 1, captures: 1 })

      // Stripe may send the same news under a new event id: still one payment, one capture.
      const again = stripeEvent("payment_intent.succeeded", { ...stripe.intents.get(intent.id)! })
      expect((await deliver(again)).status).toBe(200)
      await eventually(async () => expect((await rowOf(again.id))?.status).toBe("processed"))
      expect(await paymentsOf(order.id)).toMatchObject({ payments: 1, captures: 1 })
    })

    it("marks a failed payment failed; a failure that arrives after success, or that is older than a retry, changes nothing", async () => {
      const { order, intent } = await orderPaidWith("pm_card_threeDSecure2Required")
      const failedAt = Math.floor(Date.now() / 1000)
      stripe.authenticate(intent.id, "fail")
      const failed = stripeEvent("payment_intent.payment_failed", { ...stripe.intents.get(intent.id)! }, { created: failedAt })
      expect((await deliver(failed)).status).toBe(200)
      await eventually(async () => expect(await orderState(order.id)).toBe("pending/failed"))
      expect((await paymentsOf(order.id)).metadata.payment_failure).toMatchObject({ code: "payment_intent_authentication_failure" })

      // The shopper retries with a good card; then Stripe's success and a late copy of the old failure arrive, out of order.
      await new Promise((r) => setTimeout(r, 1100))
      const retried = await api.post(`/api/v1/orders/${order.id}/payment`, { paymentMethod: "stripe", paymentMethodId: "pm_card_visa" })
      expect(retried.data.data.order.paymentStatus).toBe("paid")
      const lateFailure = stripeEvent("payment_intent.payment_failed", { ...failed.data.object }, { created: failedAt })
      const success = stripeEvent("payment_intent.succeeded", { ...stripe.intents.get(intent.id)! })
      expect((await deliver(success)).status).toBe(200)
      expect((await deliver(lateFailure)).status).toBe(200)
      await eventually(async () => expect((await rowOf(lateFailure.id))?.status).toBe("processed"))
      await eventually(async () => expect((await rowOf(success.id))?.status).toBe("processed"))
      expect(await orderState(order.id)).toBe("confirmed/paid")
      expect(await paymentsOf(order.id)).toMatchObject({ payments: 1, captures: 1 })
    })

    it("settles a success that arrives before the shopper's own answer would have (order of events does not matter)", async () => {
      const { order, intent } = await orderPaidWith("pm_card_threeDSecure2Required")
      stripe.authenticate(intent.id, "succeed")
      const success = stripeEvent("payment_intent.succeeded", { ...stripe.intents.get(intent.id)! })
      const failure = stripeEvent(
        "payment_intent.payment_failed",
        { ...stripe.intents.get(intent.id)!, status: "requires_payment_method" },
        { created: Math.floor(Date.now() / 1000) - 5 }
      )
      await Promise.all([deliver(failure), deliver(success)])
      await eventually(async () => {
        expect((await rowOf(success.id))?.status).toBe("processed")
        expect((await rowOf(failure.id))?.status).toBe("processed")
      })
      expect(await orderState(order.id)).toBe("confirmed/paid")
    })

    it("flags a disputed order for the merchant on charge.dispute.created", async () => {
      const { order, intent } = await orderPaidWith("pm_card_visa")
      const dispute = stripeEvent("charge.dispute.created", {
        id: "dp_1",
        object: "dispute",
        amount: intent.amount,
        currency: "usd",
        charge: intent.latest_charge,
        payment_intent: intent.id,
        reason: "fraudulent",
        status: "needs_response",
      })
      expect((await deliver(dispute)).data).toEqual({ received: true })
      await eventually(async () => expect((await rowOf(dispute.id))?.status).toBe("processed"))
      expect((await paymentsOf(order.id)).metadata.stripe_dispute).toMatchObject({
        id: "dp_1",
        reason: "fraudulent",
        status: "needs_response",
        amount: intent.amount,
      })
      expect(await orderState(order.id)).toBe("confirmed/paid")
    })
  },
})

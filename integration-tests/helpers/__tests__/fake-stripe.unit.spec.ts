import { createRequire } from "node:module"
import Stripe from "stripe"
import { signWebhook, startFakeStripe, stripeEvent, type FakeStripe } from "../fake-stripe"

// Medusa's @medusajs/payment-stripe talks through its own nested stripe@15; the hoisted one is stripe@19.
const Stripe15 = createRequire(require.resolve("@medusajs/payment-stripe"))("stripe") as typeof Stripe
const KEY = "sk_test_fake_4242"

let fake: FakeStripe
beforeAll(async () => {
  fake = await startFakeStripe()
})
afterAll(() => fake.close())
beforeEach(() => fake.reset())

const connect = (Sdk: typeof Stripe, key = KEY) =>
  new Sdk(key, { host: "127.0.0.1", port: fake.port, protocol: "http", telemetry: false })
const raw = (path: string, init: RequestInit = {}) => fetch(`http://127.0.0.1:${fake.port}${path}`, init)
/** The StripeError a call rejects with (fails the test when it resolves). */
async function errorOf(call: Promise<unknown>): Promise<any> {
  try {
    await call
  } catch (e) {
    return e
  }
  throw new Error("expected the call to fail")
}

describe.each([
  ["stripe@15.12.0", Stripe15],
  ["stripe@19.1.0", Stripe],
])("fake Stripe driven by %s", (_name, Sdk) => {
  let stripe: Stripe
  beforeEach(() => {
    stripe = connect(Sdk)
  })

  it("creates and confirms an automatic-capture intent in one call", async () => {
    const intent = await stripe.paymentIntents.create({
      amount: 2500, currency: "usd", metadata: { order_id: "order_1" }, payment_method: "pm_card_visa", confirm: true,
    })
    expect(intent).toMatchObject({
      object: "payment_intent", amount: 2500, amount_received: 2500, currency: "usd", status: "succeeded",
      capture_method: "automatic", metadata: { order_id: "order_1" }, payment_method: "pm_card_visa",
      last_payment_error: null, next_action: null, customer: null, livemode: false,
    })
    expect(intent.id).toMatch(/^pi_[A-Za-z0-9]{24}$/)
    expect(intent.client_secret).toMatch(new RegExp(`^${intent.id}_secret_[A-Za-z0-9]{25}$`))
    expect(intent.latest_charge).toMatch(/^ch_/)
    expect(fake.confirmCount(intent.id)).toBe(1)
  })

  it("authorizes a manual intent, captures part of it, then refuses a second capture", async () => {
    const created = await stripe.paymentIntents.create({ amount: 4000, currency: "usd", capture_method: "manual" })
    expect(created.status).toBe("requires_payment_method")
    const authorized = await stripe.paymentIntents.confirm(created.id, { payment_method: "pm_card_mastercard" })
    expect(authorized).toMatchObject({ status: "requires_capture", amount_capturable: 4000, amount_received: 0 })
    const captured = await stripe.paymentIntents.capture(created.id, { amount_to_capture: 3500 })
    expect(captured).toMatchObject({ status: "succeeded", amount_capturable: 0, amount_received: 3500 })

    const err = await errorOf(stripe.paymentIntents.capture(created.id))
    expect(err.type).toBe("StripeInvalidRequestError")
    expect(err.statusCode).toBe(400)
    expect(err.code).toBe("payment_intent_unexpected_state")
    expect(err.message).toBe(
      "This PaymentIntent could not be captured because it has a status of succeeded. Only a PaymentIntent with one of the following statuses may be captured: requires_capture."
    )
    expect(err.payment_intent).toMatchObject({ id: created.id, status: "succeeded" })
  })

  it.each([
    ["pm_card_chargeDeclined", "card_declined", "generic_decline", "Your card was declined."],
    ["pm_card_chargeDeclinedInsufficientFunds", "card_declined", "insufficient_funds", "Your card has insufficient funds."],
    ["pm_card_chargeDeclinedExpiredCard", "expired_card", "expired_card", "Your card has expired."],
  ])("declines %s with Stripe's card error, then accepts a good card", async (pm, code, declineCode, message) => {
    const created = await stripe.paymentIntents.create({ amount: 1999, currency: "usd" })
    const err = await errorOf(stripe.paymentIntents.confirm(created.id, { payment_method: pm }))
    expect(err).toBeInstanceOf(Sdk.errors.StripeCardError)
    expect(err.statusCode).toBe(402)
    expect([err.code, err.decline_code, err.message]).toEqual([code, declineCode, message])
    expect(err.raw.payment_intent).toMatchObject({
      id: created.id, status: "requires_payment_method", payment_method: null,
      last_payment_error: { code, decline_code: declineCode, message, type: "card_error" },
    })

    const stored = await stripe.paymentIntents.retrieve(created.id)
    expect(stored.last_payment_error?.decline_code).toBe(declineCode)
    const paid = await stripe.paymentIntents.confirm(created.id, { payment_method: "pm_card_visa" })
    expect(paid).toMatchObject({ status: "succeeded", amount_received: 1999, last_payment_error: null })
    expect(fake.confirmCount(created.id)).toBe(2)
  })

  it("keeps a declined intent created with confirm=true and puts it in the error", async () => {
    const err = await errorOf(
      stripe.paymentIntents.create({ amount: 700, currency: "usd", payment_method: "pm_card_chargeDeclined", confirm: true })
    )
    expect(err.type).toBe("StripeCardError")
    const id = err.raw.payment_intent.id
    expect(fake.intents.get(id)?.status).toBe("requires_payment_method")
  })

  it("asks for 3-D Secure, then settles or fails when the challenge is completed", async () => {
    const ok = await stripe.paymentIntents.create({
      amount: 1200, currency: "usd", payment_method: "pm_card_threeDSecure2Required", confirm: true,
    })
    expect(ok.status).toBe("requires_action")
    expect(ok.next_action?.type).toBe("use_stripe_sdk")
    fake.authenticate(ok.id, "succeed")
    expect(await stripe.paymentIntents.retrieve(ok.id)).toMatchObject({ status: "succeeded", amount_received: 1200, next_action: null })

    const manual = await stripe.paymentIntents.create({
      amount: 800, currency: "usd", capture_method: "manual", payment_method: "pm_card_authenticationRequired", confirm: true,
    })
    fake.authenticate(manual.id, "succeed")
    expect((await stripe.paymentIntents.retrieve(manual.id)).status).toBe("requires_capture")

    const bad = await stripe.paymentIntents.create({
      amount: 900, currency: "usd", payment_method: "pm_card_authenticationRequired", confirm: true,
    })
    fake.authenticate(bad.id, "fail")
    expect(await stripe.paymentIntents.retrieve(bad.id)).toMatchObject({
      status: "requires_payment_method", payment_method: null, next_action: null,
      last_payment_error: { code: "payment_intent_authentication_failure", type: "invalid_request_error" },
    })
    expect(() => fake.authenticate(bad.id, "succeed")).toThrow(
      `authenticate: ${bad.id} is requires_payment_method, not requires_action`
    )
  })

  it("cancels an intent once; a canceled intent can neither be canceled nor confirmed again", async () => {
    const created = await stripe.paymentIntents.create({ amount: 500, currency: "usd" })
    const canceled = await stripe.paymentIntents.cancel(created.id, { cancellation_reason: "requested_by_customer" })
    expect(canceled).toMatchObject({ status: "canceled", cancellation_reason: "requested_by_customer" })
    expect(canceled.canceled_at).toBeGreaterThan(0)

    const again = await errorOf(stripe.paymentIntents.cancel(created.id))
    expect([again.statusCode, again.code, again.payment_intent.status]).toEqual([400, "payment_intent_unexpected_state", "canceled"])
    const confirm = await errorOf(stripe.paymentIntents.confirm(created.id, { payment_method: "pm_card_visa" }))
    expect(confirm.message).toBe(
      "You cannot confirm this PaymentIntent because it has a status of canceled. Only a PaymentIntent with one of the following statuses may be confirmed: requires_payment_method, requires_confirmation, requires_action."
    )
  })

  it("refunds part, then the rest, then refuses to refund more", async () => {
    const paid = await stripe.paymentIntents.create({ amount: 5000, currency: "usd", payment_method: "pm_card_visa", confirm: true })
    const first = await stripe.refunds.create({ payment_intent: paid.id, amount: 2000 })
    expect(first).toMatchObject({
      object: "refund", amount: 2000, currency: "usd", payment_intent: paid.id, charge: paid.latest_charge, status: "succeeded",
    })
    expect(first.id).toMatch(/^re_/)

    const tooMuch = await errorOf(stripe.refunds.create({ payment_intent: paid.id, amount: 3001 }))
    expect([tooMuch.statusCode, tooMuch.param, tooMuch.message]).toEqual([
      400, "amount", "Refund amount (3001 usd) is greater than unrefunded amount on charge (3000 usd)",
    ])
    const rest = await stripe.refunds.create({ payment_intent: paid.id })
    expect(rest.amount).toBe(3000)

    const none = await errorOf(stripe.refunds.create({ payment_intent: paid.id, amount: 1 }))
    expect([none.statusCode, none.code, none.message]).toEqual([
      400, "charge_already_refunded", `Charge ${paid.latest_charge} has already been refunded.`,
    ])
    expect([...fake.refunds.values()].map((r) => r.amount)).toEqual([2000, 3000])
  })

  it("replays an idempotent request without redoing it and rejects the key with other parameters", async () => {
    const params = { amount: 3000, currency: "usd", payment_method: "pm_card_visa", confirm: true }
    const first = await stripe.paymentIntents.create(params, { idempotencyKey: "checkout-1" })
    const second = await stripe.paymentIntents.create(params, { idempotencyKey: "checkout-1" })
    expect(second).toEqual(first)
    expect(fake.intents.size).toBe(1)
    expect(fake.confirmCount(first.id)).toBe(1)
    expect(fake.calls.filter((c) => c.idempotencyKey === "checkout-1")).toEqual([
      { method: "POST", path: "/v1/payment_intents", idempotencyKey: "checkout-1" },
      { method: "POST", path: "/v1/payment_intents", idempotencyKey: "checkout-1" },
    ])

    const err = await errorOf(stripe.paymentIntents.create({ ...params, amount: 3100 }, { idempotencyKey: "checkout-1" }))
    expect(err.type).toBe("StripeIdempotencyError")
    expect(err.statusCode).toBe(400)
    expect(err.message).toBe(
      "Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than 'checkout-1' if you meant to execute a different request."
    )
    expect(fake.intents.size).toBe(1)
  })

  it("replays a decline under its idempotency key without charging again", async () => {
    const created = await stripe.paymentIntents.create({ amount: 1500, currency: "usd" })
    const confirm = () =>
      stripe.paymentIntents.confirm(created.id, { payment_method: "pm_card_chargeDeclined" }, { idempotencyKey: "confirm-1" })
    const a = await errorOf(confirm())
    const b = await errorOf(confirm())
    expect(b.raw.payment_intent).toEqual(a.raw.payment_intent)
    expect([b.code, b.decline_code]).toEqual(["card_declined", "generic_decline"])
    expect(fake.confirmCount(created.id)).toBe(1)
  })

  it("charges JOD only in whole tens of fils", async () => {
    const err = await errorOf(stripe.paymentIntents.create({ amount: 15005, currency: "jod" }))
    expect(err.type).toBe("StripeInvalidRequestError")
    expect([err.statusCode, err.param, err.code, err.message]).toEqual([
      400, "amount", "invalid_charge_amount", "Invalid amount: jod amounts must be a multiple of 10",
    ])
    expect(fake.intents.size).toBe(0)
    const ok = await stripe.paymentIntents.create({ amount: 15000, currency: "JOD" })
    expect([ok.amount, ok.currency]).toEqual([15000, "jod"])
  })

  it("rejects a key that is not a test secret key", async () => {
    const err = await errorOf(connect(Sdk, "rk_live_wrong").paymentIntents.retrieve("pi_123"))
    expect(err).toBeInstanceOf(Sdk.errors.StripeAuthenticationError)
    expect(err.statusCode).toBe(401)
    expect(err.message).toBe("Invalid API Key provided: rk_live_****rong")
  })
})

describe("fake Stripe over plain HTTP", () => {
  const stripe = () => connect(Stripe15)

  it("answers 401 with Stripe's error when the Authorization header is missing", async () => {
    const res = await raw("/v1/payment_intents", { method: "POST", body: "amount=100&currency=usd" })
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({
      error: {
        type: "invalid_request_error",
        message:
          "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
      },
    })
    expect(fake.intents.size).toBe(0)
  })

  it("answers 404 invalid_request_error for an endpoint it does not fake", async () => {
    const res = await raw("/v1/charges?limit=3", { headers: { authorization: `Bearer ${KEY}` } })
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({
      error: {
        type: "invalid_request_error",
        message: "Unrecognized request URL (GET: /v1/charges). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.",
      },
    })
  })

  it("parses bracketed form parameters and merges metadata on update (empty string deletes)", async () => {
    const res = await raw("/v1/payment_intents", {
      method: "POST",
      headers: { authorization: `Bearer ${KEY}`, "content-type": "application/x-www-form-urlencoded" },
      body: "amount=1000&currency=usd&metadata[order_id]=o_1&metadata[cart_id]=c_1&expand[]=payment_method&unknown_param=x",
    })
    expect(res.status).toBe(200)
    const intent = await res.json()
    expect(intent.metadata).toEqual({ order_id: "o_1", cart_id: "c_1" })

    const updated = await stripe().paymentIntents.update(intent.id, {
      amount: 1100, metadata: { cart_id: "", session_id: "ps_1" }, payment_method: "pm_card_visa", expand: ["payment_method"],
    })
    expect(updated).toMatchObject({ amount: 1100, status: "requires_confirmation", metadata: { order_id: "o_1", session_id: "ps_1" } })
    expect(updated.payment_method).toMatchObject({ id: "pm_card_visa", object: "payment_method", card: { brand: "visa", last4: "4242" } })

    await stripe().paymentIntents.confirm(intent.id)
    const late = await errorOf(stripe().paymentIntents.update(intent.id, { amount: 1200 }))
    expect([late.statusCode, late.code]).toEqual([400, "payment_intent_unexpected_state"])
  })

  it("answers resource_missing for an unknown payment method or intent", async () => {
    const pm = await errorOf(stripe().paymentIntents.create({ amount: 100, currency: "usd", payment_method: "pm_nope", confirm: true }))
    expect([pm.statusCode, pm.code, pm.param, pm.message]).toEqual([400, "resource_missing", "payment_method", "No such PaymentMethod: 'pm_nope'"])
    const pi = await errorOf(stripe().paymentIntents.retrieve("pi_missing"))
    expect([pi.statusCode, pi.code, pi.message]).toEqual([404, "resource_missing", "No such payment_intent: 'pi_missing'"])
  })

  it("manages customers and saves a card used with setup_future_usage", async () => {
    const customer = await stripe().customers.create({ email: "rania@example.jo", name: "Rania", metadata: { medusa_id: "cus_01" } })
    expect(customer).toMatchObject({ object: "customer", email: "rania@example.jo", name: "Rania", metadata: { medusa_id: "cus_01" } })
    expect(customer.id).toMatch(/^cus_/)
    const renamed = await stripe().customers.update(customer.id, { name: "Rania K." })
    expect([renamed.name, renamed.email]).toEqual(["Rania K.", "rania@example.jo"])

    await stripe().paymentIntents.create({
      amount: 2000, currency: "usd", customer: customer.id, setup_future_usage: "off_session",
      payment_method: "pm_card_mastercard", confirm: true,
    })
    const listed = await stripe().customers.listPaymentMethods(customer.id, { limit: 100 })
    expect(listed.data.map((m) => [m.id, m.customer, m.card?.last4])).toEqual([["pm_card_mastercard", customer.id, "4444"]])

    const attached = await stripe().paymentMethods.attach("pm_card_visa", { customer: customer.id })
    expect(attached.customer).toBe(customer.id)
    const detached = await stripe().paymentMethods.detach("pm_card_mastercard")
    expect(detached.customer).toBeNull()
    expect((await stripe().customers.listPaymentMethods(customer.id)).data.map((m) => m.id)).toEqual(["pm_card_visa"])

    const setup = await stripe().setupIntents.create({ customer: customer.id, payment_method: "pm_card_mastercard", confirm: true })
    expect(setup).toMatchObject({ object: "setup_intent", status: "succeeded", customer: customer.id })

    expect(await stripe().customers.del(customer.id)).toEqual({ id: customer.id, object: "customer", deleted: true })
    const gone = await errorOf(stripe().customers.update(customer.id, { name: "x" }))
    expect([gone.statusCode, gone.code]).toEqual([404, "resource_missing"])
  })

  it("signs webhooks that both SDKs verify", async () => {
    const intent = await stripe().paymentIntents.create({
      amount: 2500, currency: "usd", metadata: { session_id: "payses_1" }, payment_method: "pm_card_visa", confirm: true,
    })
    const event = stripeEvent("payment_intent.succeeded", intent)
    expect(event).toMatchObject({
      object: "event", api_version: "2024-04-10", livemode: false, pending_webhooks: 1, type: "payment_intent.succeeded",
      data: { object: { id: intent.id } }, request: { idempotency_key: null },
    })
    expect(event.id).toMatch(/^evt_/)
    const payload = JSON.stringify(event)
    const header = signWebhook(payload, "whsec_test")
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/)

    for (const Sdk of [Stripe15, Stripe]) {
      const verified = connect(Sdk).webhooks.constructEvent(payload, header, "whsec_test")
      expect([verified.id, verified.type, (verified.data.object as { id: string }).id]).toEqual([event.id, event.type, intent.id])
      expect(() => connect(Sdk).webhooks.constructEvent(payload, header, "whsec_other")).toThrow(
        Sdk.errors.StripeSignatureVerificationError
      )
    }
    const stale = signWebhook(payload, "whsec_test", Math.floor(Date.now() / 1000) - 3600)
    expect(() => connect(Stripe).webhooks.constructEvent(payload, stale, "whsec_test")).toThrow("Timestamp outside the tolerance zone")
  })

  it("reset forgets everything", async () => {
    await stripe().paymentIntents.create({ amount: 100, currency: "usd" }, { idempotencyKey: "k" })
    fake.reset()
    expect([fake.intents.size, fake.calls.length]).toEqual([0, 0])
    await stripe().paymentIntents.create({ amount: 200, currency: "usd" }, { idempotencyKey: "k" })
    expect([...fake.intents.values()].map((i) => i.amount)).toEqual([200])
  })
})

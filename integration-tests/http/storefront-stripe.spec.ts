import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import Medusa from "@medusajs/js-sdk"
import { toMinorUnits } from "../../src/lib/money"
import { ORDER_NUMBER_PATTERN } from "../../src/lib/order-number"
import { STRIPE_PROVIDER_ID, stripeClient } from "../../src/lib/stripe"
import { adminHeaders } from "../helpers/admin"
import { seedShop, SeededVariant } from "../helpers/catalogue"
import { FakeStripe, startFakeStripe } from "../helpers/fake-stripe"
import { useFakeStripeEnv } from "../helpers/stripe-env"

const FAKE_PORT = useFakeStripeEnv()

jest.setTimeout(180 * 1000)

/**
 * A @medusajs/js-sdk storefront paying by card through Medusa's /store API,
 * as the Next.js starter does: a Stripe payment session, the card confirmed
 * in the browser with the session's client secret (stripe.js; here the
 * Stripe SDK against the fake), then complete. Both regions offer cards.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let stripe: FakeStripe
    let sdk: Medusa
    let serum: SeededVariant
    let regionIds: Record<string, string>

    beforeAll(async () => {
      stripe = await startFakeStripe({ port: FAKE_PORT })
      const shop = await seedShop(getContainer())
      serum = shop.variant("SKN-SER-VC-30")
      sdk = new Medusa({ baseUrl: api.defaults.baseURL as string, publishableKey: shop.publishableKey })
      const { regions } = await sdk.store.region.list()
      regionIds = Object.fromEntries(regions.map((r) => [r.currency_code, r.id]))
    })
    afterAll(async () => {
      await stripe?.close()
    })

    const addresses = {
      usd: { first_name: "Sam", last_name: "Lee", address_1: "1 Main St", city: "Austin", province: "TX", postal_code: "73301", country_code: "us", phone: "+15125550100" },
      jod: { first_name: "Lina", last_name: "Haddad", address_1: "Queen Rania Street 15", city: "Amman", province: "Amman", postal_code: "11118", country_code: "jo", phone: "+962790000000" },
    }

    async function readyCart(currency: "usd" | "jod") {
      const { cart: created } = await sdk.store.cart.create({ region_id: regionIds[currency] })
      await sdk.store.cart.createLineItem(created.id, { variant_id: serum.id, quantity: 2 })
      const address = addresses[currency]
      await sdk.store.cart.update(created.id, { email: "card@example.com", shipping_address: address, billing_address: address })
      const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: created.id })
      await sdk.store.cart.addShippingMethod(created.id, { option_id: shipping_options.find((o) => /standard/i.test(o.name))!.id })
      return (await sdk.store.cart.retrieve(created.id)).cart
    }

    async function adminOrder(id: string) {
      const fields = "id,custom_display_id,status,payment_status,total,payment_collections.captured_amount"
      return (await api.get(`/admin/orders/${id}?fields=${fields}`, { headers: await adminHeaders(api) })).data.order
    }

    it("offers cards in both regions, cash on delivery in Jordan only", async () => {
      const providers = async (currency: string) =>
        (await sdk.store.payment.listPaymentProviders({ region_id: regionIds[currency] })).payment_providers.map((p) => p.id).sort()
      expect(await providers("usd")).toEqual(["pp_system_default", STRIPE_PROVIDER_ID].sort())
      expect(await providers("jod")).toEqual(["pp_cod_cod", "pp_system_default", STRIPE_PROVIDER_ID].sort())
    })

    it.each(["usd", "jod"] as const)("checks out in %s: card confirmed in the browser, then complete gives a paid SKN order", async (currency) => {
      const cart = await readyCart(currency)
      const { payment_collection } = await sdk.store.payment.initiatePaymentSession(cart, { provider_id: STRIPE_PROVIDER_ID })
      const session = payment_collection.payment_sessions![0]
      const intentId = (session.data as { id: string }).id
      expect(stripe.intents.get(intentId)).toMatchObject({
        amount: toMinorUnits(cart.total, currency),
        currency,
        metadata: { session_id: session.id },
      })
      // What stripe.js does in the shopper's browser with the client secret.
      await stripeClient()!.paymentIntents.confirm(intentId, { payment_method: "pm_card_visa" })

      const completed = await sdk.store.cart.complete(cart.id)
      expect(completed.type).toBe("order")
      if (completed.type !== "order") return
      const order = await adminOrder(completed.order.id)
      expect(order).toMatchObject({
        custom_display_id: expect.stringMatching(ORDER_NUMBER_PATTERN),
        payment_status: "captured",
        total: cart.total,
      })
      const mine = (await api.get(`/api/v1/orders/${order.id}`)).data.data
      expect(mine).toMatchObject({ orderNumber: order.custom_display_id, status: "confirmed", paymentStatus: "paid", paymentMethod: "stripe" })
    })

    it("completes without a card as an unpaid order (order first, pay after), which /api/v1 then takes payment for", async () => {
      const cart = await readyCart("usd")
      await sdk.store.payment.initiatePaymentSession(cart, { provider_id: STRIPE_PROVIDER_ID })
      const completed = await sdk.store.cart.complete(cart.id)
      expect(completed.type).toBe("order")
      if (completed.type !== "order") return
      expect((await adminOrder(completed.order.id)).payment_status).toBe("awaiting")
      const paid = await api.post(`/api/v1/orders/${completed.order.id}/payment`, {
        paymentMethod: "stripe",
        paymentMethodId: "pm_card_visa",
      })
      expect(paid.data.data.order).toMatchObject({ status: "confirmed", paymentStatus: "paid" })
      expect((await adminOrder(completed.order.id)).payment_status).toBe("captured")
    })
  },
})

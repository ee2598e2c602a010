import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { stripeClient } from "../../src/lib/stripe"
import { orderPaymentTimeoutMinutes, unpaidCardOrderCutoff } from "../../src/lib/order-payment-timeout"
import { timeOutUnpaidCardOrders } from "../../src/workflows/time-out-unpaid-card-orders"
import { ammanAddress, austinAddress } from "../helpers/addresses"
import { seedShop, SeededVariant } from "../helpers/catalogue"
import { FakeStripe, startFakeStripe } from "../helpers/fake-stripe"
import { useFakeStripeEnv } from "../helpers/stripe-env"

const FAKE_PORT = useFakeStripeEnv()

jest.setTimeout(240 * 1000)

const anyStatus = { validateStatus: () => true }
const MINUTE = 60 * 1000

/** The variant's stock as the inventory module keeps it: reserved units and reservation rows. */
async function stockOf(container: MedusaContainer, variantId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["inventory_items.inventory_item_id"],
    filters: { id: variantId },
  })
  const inventoryItemId = data[0].inventory_items![0]!.inventory_item_id as string
  const inventory = container.resolve(Modules.INVENTORY)
  const levels = await inventory.listInventoryLevels({ inventory_item_id: inventoryItemId })
  const reservations = await inventory.listReservationItems({ inventory_item_id: inventoryItemId })
  return {
    reserved: levels.reduce((sum, level) => sum + MathBN.convert(level.reserved_quantity).toNumber(), 0),
    reservations: reservations.length,
  }
}

/**
 * Unpaid card orders time out: the job's code runs here with a cutoff in
 * the future (every order is "old"), instead of waiting an hour.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let stripe: FakeStripe
    let serum: SeededVariant

    beforeAll(async () => {
      stripe = await startFakeStripe({ port: FAKE_PORT })
      serum = (await seedShop(getContainer())).variant("SKN-SER-VC-30")
    })
    afterAll(async () => {
      await stripe?.close()
    })

    const placeOrder = async (currency: "USD" | "JOD", paymentMethod: "stripe" | "cash_on_delivery", quantity = 1) => {
      const cart = (await api.post("/api/v1/cart", { currency })).data.data
      await api.post(`/api/v1/cart/${cart.id}/items`, { productId: serum.productId, variantId: serum.id, quantity })
      const placed = await api.post(
        "/api/v1/orders",
        {
          cartId: cart.id,
          shippingAddress: currency === "USD" ? austinAddress() : ammanAddress(),
          shippingMethod: "standard",
          paymentMethod,
        },
        anyStatus
      )
      expect(placed.status).toBe(201)
      return placed.data.data as { id: string; orderNumber: string }
    }
    const pay = (orderId: string, paymentMethodId: string) =>
      api.post(`/api/v1/orders/${orderId}/payment`, { paymentMethod: "stripe", paymentMethodId }, anyStatus)
    const state = async (orderId: string) => {
      const { data } = await api.get(`/api/v1/orders/${orderId}`)
      return `${data.data.status}/${data.data.paymentStatus}`
    }
    /** The order's PaymentIntent in the fake, found through Medusa's card session. */
    const intentOf = async (orderId: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "order",
        fields: ["payment_collections.payment_sessions.data", "payment_collections.status", "metadata"],
        filters: { id: orderId },
      })
      const intentId = data[0].payment_collections[0].payment_sessions[0].data.id as string
      return { intent: stripe.intents.get(intentId)!, collection: data[0].payment_collections[0].status, metadata: data[0].metadata }
    }
    const runTimeout = (cutoff = new Date(Date.now() + MINUTE)) => timeOutUnpaidCardOrders(getContainer(), { cutoff })

    it("cancels unpaid card orders and their intents, frees their stock, settles a card Stripe accepted, and leaves paid and COD orders alone", async () => {
      const before = await stockOf(getContainer(), serum.id)

      const untouched = await placeOrder("USD", "stripe", 2) // never paid
      const declined = await placeOrder("USD", "stripe") // a declined card, never retried
      expect((await pay(declined.id, "pm_card_chargeDeclined")).status).toBe(402)
      const challenged = await placeOrder("JOD", "stripe") // 3-D Secure never completed
      expect((await pay(challenged.id, "pm_card_threeDSecure2Required")).status).toBe(200)
      const paid = await placeOrder("USD", "stripe")
      expect((await pay(paid.id, "pm_card_visa")).status).toBe(200)
      const cod = await placeOrder("JOD", "cash_on_delivery")
      // Paid at Stripe (the client confirmed it), but neither our route nor the webhook has told Medusa yet.
      const lateCard = await placeOrder("USD", "stripe")
      const late = await intentOf(lateCard.id)
      await stripeClient()!.paymentIntents.confirm(late.intent.id, { payment_method: "pm_card_visa" })
      expect(stripe.intents.get(late.intent.id)!.status).toBe("succeeded")
      expect(await state(lateCard.id)).toBe("pending/pending")

      expect(await stockOf(getContainer(), serum.id)).toEqual({
        reserved: before.reserved + 7,
        reservations: before.reservations + 6,
      })

      const { results, failed } = await runTimeout()
      expect(failed).toEqual([])
      const byOrder = Object.fromEntries(results.map((r) => [r.order_id, `${r.outcome}:${r.intent_status}`]))
      expect(byOrder).toEqual({
        [untouched.id]: "cancelled:canceled",
        [declined.id]: "cancelled:canceled",
        [challenged.id]: "cancelled:canceled",
        [lateCard.id]: "settled:succeeded",
      })

      for (const order of [untouched, declined, challenged]) {
        // The declined card's failure stays on record; the others never got a card.
        expect(await state(order.id)).toBe(order === declined ? "cancelled/failed" : "cancelled/pending")
        const { intent, collection, metadata } = await intentOf(order.id)
        expect(intent).toMatchObject({ status: "canceled", cancellation_reason: "abandoned" })
        expect(collection).toBe("canceled")
        expect(metadata).toMatchObject({ payment_intent_status: "canceled", payment_timed_out_at: expect.any(String) })
        // The shopper can no longer pay it.
        const again = await pay(order.id, "pm_card_visa")
        expect(again.status).toBe(409)
        expect(again.data.error).toMatchObject({ code: "CONFLICT", message: `Order ${order.orderNumber} is already cancelled` })
      }
      // Reservations of the three cancelled orders (4 units) are gone; the paid, COD and late card orders keep theirs.
      expect(await stockOf(getContainer(), serum.id)).toEqual({
        reserved: before.reserved + 3,
        reservations: before.reservations + 3,
      })

      expect(await state(lateCard.id)).toBe("confirmed/paid")
      expect((await intentOf(lateCard.id)).intent.status).toBe("succeeded")
      expect(await state(paid.id)).toBe("confirmed/paid")
      expect(await state(cod.id)).toBe("pending/pending")

      // Nothing is left to do: a second run finds no order.
      expect(await runTimeout()).toEqual({ results: [], failed: [] })
      expect(stripe.intents.get(late.intent.id)!.status).toBe("succeeded")
    })

    it("leaves an order younger than the cutoff, and one whose card Stripe is still processing", async () => {
      const young = await placeOrder("USD", "stripe")
      expect(await runTimeout(new Date(Date.now() - MINUTE))).toEqual({ results: [], failed: [] })
      expect(await state(young.id)).toBe("pending/pending")

      // Stripe still at it: the intent's webhook will say how it ends.
      const { intent } = await intentOf(young.id)
      stripe.intents.get(intent.id)!.status = "processing"
      const { results } = await runTimeout()
      expect(results).toEqual([{ order_id: young.id, outcome: "waiting", intent_status: "processing" }])
      expect(await state(young.id)).toBe("pending/pending")
      expect(stripe.intents.get(intent.id)!.status).toBe("processing")
    })

    it("takes ORDER_PAYMENT_TIMEOUT_MINUTES (default 60) for the cutoff", () => {
      const now = new Date("2025-01-15T12:00:00.000Z")
      expect(orderPaymentTimeoutMinutes({})).toBe(60)
      expect(unpaidCardOrderCutoff(now, {}).toISOString()).toBe("2025-01-15T11:00:00.000Z")
      expect(unpaidCardOrderCutoff(now, { ORDER_PAYMENT_TIMEOUT_MINUTES: "15" }).toISOString()).toBe("2025-01-15T11:45:00.000Z")
      expect(orderPaymentTimeoutMinutes({ ORDER_PAYMENT_TIMEOUT_MINUTES: "soon" })).toBe(60)
      expect(orderPaymentTimeoutMinutes({ ORDER_PAYMENT_TIMEOUT_MINUTES: "0" })).toBe(60)
    })
  },
})

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { STRIPE_EVENT_MODULE } from "../../src/modules/stripe-event"
import type StripeEventModuleService from "../../src/modules/stripe-event/service"
import { adminHeaders } from "../helpers/admin"
import { austinAddress } from "../helpers/addresses"
import { seedShop } from "../helpers/catalogue"
import { FakeStripe, startFakeStripe } from "../helpers/fake-stripe"
import { useFakeStripeEnv } from "../helpers/stripe-env"

const FAKE_PORT = useFakeStripeEnv()

jest.setTimeout(240 * 1000)

const anyStatus = { validateStatus: () => true }
const ROW_FIELDS = [
  "attempts",
  "created_at",
  "event_id",
  "id",
  "last_error",
  "object_id",
  "order_id",
  "processed_at",
  "status",
  "stripe_created_at",
  "type",
]

/** Admin's view of recorded Stripe events: all of them (to find failing ones), and one order's. */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let stripe: FakeStripe
    let admin: { headers: Record<string, string> }
    let order: { id: string; intentId: string }

    beforeAll(async () => {
      stripe = await startFakeStripe({ port: FAKE_PORT })
    })
    afterAll(async () => {
      await stripe?.close()
    })

    beforeAll(async () => {
      // Once: Medusa's runner snapshots the database after the suite's beforeAll hooks
      // and restores that snapshot before each test.
      const serum = (await seedShop(getContainer())).variant("SKN-SER-VC-30")
      admin = { headers: await adminHeaders(api) }
      const cart = (await api.post("/api/v1/cart", { currency: "USD" })).data.data
      await api.post(`/api/v1/cart/${cart.id}/items`, { productId: serum.productId, variantId: serum.id, quantity: 1 })
      const placed = (
        await api.post("/api/v1/orders", { cartId: cart.id, shippingAddress: austinAddress(), shippingMethod: "standard", paymentMethod: "stripe" })
      ).data.data
      const { data } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "order", fields: ["payment_collections.payment_sessions.data"], filters: { id: placed.id } })
      order = { id: placed.id, intentId: data[0].payment_collections[0].payment_sessions[0].data.id }

      // Rows as the webhook and the worker leave them, a second apart so the order is certain.
      const events = getContainer().resolve<StripeEventModuleService>(STRIPE_EVENT_MODULE)
      const row = (n: number, extra: Record<string, unknown>) => ({
        event_id: `evt_admin_${n}`,
        type: "payment_intent.succeeded",
        object_id: `pi_other_${n}`,
        stripe_created_at: new Date(1_700_000_000_000 + n * 1000),
        created_at: new Date(Date.UTC(2025, 0, 15, 12, 0, n)),
        payload: { id: `evt_admin_${n}` },
        ...extra,
      })
      await events.createStripeEvents([
        row(1, { status: "processed", attempts: 1, order_id: order.id, object_id: order.intentId }),
        // Failing before the worker could tie it to the order: found through the order's intent.
        row(2, { type: "payment_intent.payment_failed", status: "failed", attempts: 3, last_error: "Stripe unreachable", object_id: order.intentId }),
        row(3, { type: "charge.dispute.created", status: "processed", attempts: 1, order_id: order.id, object_id: "dp_1" }),
        row(4, { status: "failed", attempts: 8, last_error: "Capture refused" }),
        row(5, { status: "ignored", attempts: 1 }),
        row(6, { type: "invoice.payment_succeeded", status: "recorded", attempts: 1, object_id: "in_1" }),
      ])
    })

    it("answers 401 without an admin session or key", async () => {
      for (const path of ["/admin/stripe-events", `/admin/orders/${order.id}/stripe-events`]) {
        const res = await api.get(path, anyStatus)
        expect(res.status).toBe(401)
      }
    })

    it("lists events newest first, filters failing ones and pages", async () => {
      const all = await api.get("/admin/stripe-events", admin)
      expect(all.status).toBe(200)
      expect(all.data).toMatchObject({ count: 6, limit: 20, offset: 0 })
      expect(all.data.stripe_events.map((e: { event_id: string }) => e.event_id)).toEqual(
        [6, 5, 4, 3, 2, 1].map((n) => `evt_admin_${n}`)
      )
      // Admin sees each event's state, never its payload.
      expect(Object.keys(all.data.stripe_events[0]).sort()).toEqual(ROW_FIELDS)

      const failed = await api.get("/admin/stripe-events?status=failed", admin)
      expect(failed.status).toBe(200)
      expect(failed.data.count).toBe(2)
      expect(failed.data.stripe_events).toEqual([
        expect.objectContaining({ event_id: "evt_admin_4", status: "failed", attempts: 8, last_error: "Capture refused", order_id: null }),
        expect.objectContaining({ event_id: "evt_admin_2", type: "payment_intent.payment_failed", attempts: 3, last_error: "Stripe unreachable" }),
      ])

      const page = await api.get("/admin/stripe-events?limit=2&offset=2", admin)
      expect(page.data).toMatchObject({ count: 6, limit: 2, offset: 2 })
      expect(page.data.stripe_events.map((e: { event_id: string }) => e.event_id)).toEqual(["evt_admin_4", "evt_admin_3"])

      const disputes = await api.get(`/admin/stripe-events?type=charge.dispute.created&order_id=${order.id}`, admin)
      expect(disputes.data.stripe_events.map((e: { event_id: string }) => e.event_id)).toEqual(["evt_admin_3"])
    })

    it("refuses a bad query with 400", async () => {
      for (const qs of ["status=lost", "type=charge.refunded", "limit=0", "limit=101", "offset=-1", "order_id=" + "x".repeat(101), "extra=1"]) {
        const res = await api.get(`/admin/stripe-events?${qs}`, { ...admin, ...anyStatus })
        expect([qs, res.status]).toEqual([qs, 400])
        expect(res.data.message).toBe("Invalid query parameters")
      }
    })

    it("lists one order's events: applied to it, or about its PaymentIntent; 404 for an unknown order", async () => {
      const res = await api.get(`/admin/orders/${order.id}/stripe-events`, admin)
      expect(res.status).toBe(200)
      expect(res.data.count).toBe(3)
      expect(res.data.stripe_events).toEqual([
        expect.objectContaining({ event_id: "evt_admin_3", type: "charge.dispute.created", order_id: order.id }),
        expect.objectContaining({ event_id: "evt_admin_2", status: "failed", order_id: null, object_id: order.intentId }),
        expect.objectContaining({ event_id: "evt_admin_1", status: "processed", order_id: order.id, attempts: 1, last_error: null }),
      ])
      const unknown = await api.get("/admin/orders/order_unknown/stripe-events", { ...admin, ...anyStatus })
      expect(unknown.status).toBe(404)
    })
  },
})

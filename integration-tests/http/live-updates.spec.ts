import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AxiosInstance } from "axios"
import { closeAllStreams } from "../../src/api/http/sse"
import { liveBackend, orderTopic } from "../../src/lib/live/hub"
import { adminHeaders } from "../helpers/admin"
import { seedShop } from "../helpers/catalogue"
import { createCustomer } from "../helpers/customers"
import { eventually } from "../helpers/eventually"
import { openSse, SseClient } from "../helpers/sse"

// Heartbeats every 0.2 s, so a test sees them without waiting 20 s.
process.env.SSE_HEARTBEAT_SECONDS = "0.2"

jest.setTimeout(240 * 1000)

const anyStatus = { validateStatus: () => true }

const ammanAddress = (email: string) => ({
  firstName: "Ahmed",
  lastName: "Khalil",
  email,
  phone: "+962791234567",
  country: "JO",
  city: "Amman",
  governorate: "JO-AM",
  street: "Queen Rania Street",
})

/**
 * Live updates over Server-Sent Events: an order's status as the shopper and
 * the merchant move it (cash on delivery, Admin fulfil/ship/deliver/capture),
 * resume with Last-Event-ID, tickets for customers' orders, stock of product
 * pages after a hold, the per-IP cap and the end of every stream at shutdown.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    const base = () => api.defaults.baseURL as string
    const streams: SseClient[] = []
    const open = async (path: string, headers?: Record<string, string>) => {
      const client = await openSse(base(), path, headers)
      streams.push(client)
      return client
    }
    afterEach(() => {
      streams.splice(0).forEach((s) => s.close())
    })

    /** A cash-on-delivery order of 1 serum in Amman (a guest's, or a customer's with `auth`). */
    type Shop = Awaited<ReturnType<typeof seedShop>>
    async function placeCodOrder(shop: Shop, email: string, auth?: { headers: Record<string, string> }) {
      const client = api as unknown as AxiosInstance
      const serum = shop.variant("SKN-SER-VC-30")
      const cartId = (await client.post("/api/v1/cart", { currency: "JOD" }, auth)).data.data.id
      await client.post(`/api/v1/cart/${cartId}/items`, { productId: serum.productId, variantId: serum.id, quantity: 1 }, auth)
      const placed = await client.post(
        "/api/v1/orders",
        { cartId, shippingAddress: ammanAddress(email), shippingMethod: "standard", paymentMethod: "cash_on_delivery" },
        auth
      )
      expect(placed.status).toBe(201)
      const orderId = placed.data.data.id as string
      // order.placed has been published: later events are the changes that follow.
      await eventually(async () => expect((await liveBackend().history(orderTopic(orderId))).seq).toBe(1))
      return orderId
    }

    it("a COD order's stream: current state, then confirmed, processing, shipped, delivered, paid; Last-Event-ID resumes", async () => {
      const orderId = await placeCodOrder(await seedShop(getContainer()), "live.journey@example.com")
      const admin = { headers: await adminHeaders(api) }
      const contractState = async () => {
        const { data } = await api.get(`/api/v1/orders/${orderId}`)
        return { status: data.data.status, paymentStatus: data.data.paymentStatus, trackingNumber: data.data.trackingNumber }
      }

      const stream = await open(`/api/v1/orders/${orderId}/events`)
      expect(stream.status).toBe(200)
      expect(stream.headers["content-type"]).toBe("text/event-stream; charset=utf-8")
      expect(stream.headers["cache-control"]).toBe("no-store")
      expect(stream.headers["x-accel-buffering"]).toBe("no")
      expect(await stream.waitFor(1)).toEqual([
        { event: "order.status", id: "1", data: { status: "pending", paymentStatus: "pending", trackingNumber: null } },
      ])

      // Each step waits for its event, as a shopper's page would show it, and matches GET /orders/:id.
      const step = async (count: number, expected: Record<string, unknown>) => {
        const events = await stream.waitFor(count)
        expect(events[count - 1]).toEqual({ event: "order.status", id: String(count), data: expected })
        expect(await contractState()).toEqual(expected)
      }
      expect((await api.post(`/api/v1/orders/${orderId}/payment`, { paymentMethod: "cash_on_delivery" })).status).toBe(200)
      await step(2, { status: "confirmed", paymentStatus: "pending", trackingNumber: null })

      const { data: detail } = await api.get(`/admin/orders/${orderId}?fields=id,*items`, admin)
      const items = detail.order.items.map((i: { id: string; quantity: number }) => ({ id: i.id, quantity: i.quantity }))
      expect((await api.post(`/admin/orders/${orderId}/fulfillments`, { items }, { ...admin, ...anyStatus })).status).toBe(200)
      await step(3, { status: "processing", paymentStatus: "pending", trackingNumber: null })

      // The shopper's connection drops after event 3; the merchant ships meanwhile.
      stream.close()
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: orders } = await query.graph({ entity: "order", fields: ["fulfillments.id", "payment_collections.payments.id"], filters: { id: orderId } })
      const fulfillmentId = orders[0].fulfillments![0]!.id
      const labels = [{ tracking_number: "JO555000111", tracking_url: "https://track.example/JO555000111", label_url: "https://track.example/l" }]
      const shipped = await api.post(`/admin/orders/${orderId}/fulfillments/${fulfillmentId}/shipments`, { items, labels }, { ...admin, ...anyStatus })
      expect(shipped.status).toBe(200)
      await eventually(async () => expect((await liveBackend().history(orderTopic(orderId))).seq).toBe(4))

      // EventSource reconnects with Last-Event-ID: 3 and gets exactly what it missed.
      const resumed = await open(`/api/v1/orders/${orderId}/events`, { "last-event-id": "3" })
      expect(await resumed.waitFor(1)).toEqual([
        { event: "order.status", id: "4", data: { status: "shipped", paymentStatus: "pending", trackingNumber: "JO555000111" } },
      ])
      expect(
        (await api.post(`/admin/orders/${orderId}/fulfillments/${fulfillmentId}/mark-as-delivered`, {}, { ...admin, ...anyStatus })).status
      ).toBe(200)
      expect((await resumed.waitFor(2))[1]).toEqual({
        event: "order.status",
        id: "5",
        data: { status: "delivered", paymentStatus: "pending", trackingNumber: "JO555000111" },
      })
      const paymentId = (orders[0].payment_collections ?? []).flatMap((pc: any) => pc?.payments ?? [])[0].id
      expect((await api.post(`/admin/payments/${paymentId}/capture`, {}, { ...admin, ...anyStatus })).status).toBe(200)
      const all = await resumed.waitFor(3)
      expect(all[2]).toEqual({
        event: "order.status",
        id: "6",
        data: { status: "delivered", paymentStatus: "paid", trackingNumber: "JO555000111" },
      })
      expect(await contractState()).toEqual(all[2].data)

      // A new EventSource passes ?lastEventId= (it cannot set the header); the whole ring replays from 1.
      const fromOne = await open(`/api/v1/orders/${orderId}/events?lastEventId=1`)
      expect((await fromOne.waitFor(5)).map((e) => [e.id, e.data.status, e.data.paymentStatus])).toEqual([
        ["2", "confirmed", "pending"],
        ["3", "processing", "pending"],
        ["4", "shipped", "pending"],
        ["5", "delivered", "pending"],
        ["6", "delivered", "paid"],
      ])
      // Up to date: nothing to send until the next change. An id this server never gave: the state now.
      const upToDate = await open(`/api/v1/orders/${orderId}/events`, { "last-event-id": "6" })
      const unknownId = await open(`/api/v1/orders/${orderId}/events`, { "last-event-id": "999" })
      expect(await unknownId.waitFor(1)).toEqual([all[2]])
      await new Promise((r) => setTimeout(r, 500))
      expect(upToDate.events).toEqual([])
      // Heartbeats (every 0.2 s here) keep idle streams open through proxies.
      expect(upToDate.comments).toBeGreaterThanOrEqual(2)
      expect(resumed.events).toHaveLength(3)

      const missing = await open("/api/v1/orders/order_01JNOSUCHORDER0000000000/events")
      expect(missing.status).toBe(404)
      expect(missing.body.error).toMatchObject({ code: "RESOURCE_NOT_FOUND", message: "Order order_01JNOSUCHORDER0000000000 not found" })
      const badQuery = await open(`/api/v1/orders/${orderId}/events?since=1`)
      expect(badQuery.status).toBe(400)
      expect(badQuery.body.error).toMatchObject({ code: "VALIDATION_ERROR", details: [{ field: "since", message: "Unknown field" }] })
    })

    it("a customer's order streams with a single-use ticket (401/403/404) or the Bearer token", async () => {
      const shop = await seedShop(getContainer())
      const sara = await createCustomer(api, shop.publishableKey, "sara.live@example.com")
      const omar = await createCustomer(api, shop.publishableKey, "omar.live@example.com")
      const orderId = await placeCodOrder(shop, "sara.live@example.com", { headers: sara.headers })
      const ticketOf = (headers?: Record<string, string>, id = orderId) =>
        api.post(`/api/v1/orders/${id}/events/ticket`, {}, { headers, ...anyStatus })

      const anonymous = await open(`/api/v1/orders/${orderId}/events`)
      expect(anonymous.status).toBe(401)
      expect(anonymous.body.error.code).toBe("AUTHENTICATION_ERROR")

      const noToken = await ticketOf()
      expect(noToken.status).toBe(401)
      expect(noToken.data.error.code).toBe("AUTHENTICATION_ERROR")
      const someoneElse = await ticketOf(omar.headers)
      expect(someoneElse.status).toBe(403)
      expect(someoneElse.data.error).toMatchObject({ code: "AUTHORIZATION_ERROR", message: "This order belongs to another customer" })
      const unknown = await ticketOf(sara.headers, "order_01JNOSUCHORDER0000000000")
      expect(unknown.status).toBe(404)
      expect(unknown.data.error.code).toBe("RESOURCE_NOT_FOUND")

      const issued = await ticketOf(sara.headers)
      expect(issued.status).toBe(201)
      expect(issued.data.data).toEqual({ ticket: expect.stringMatching(/^evt_[A-Za-z0-9_-]{32}$/), expiresIn: 60 })
      const ticket = issued.data.data.ticket as string

      const stream = await open(`/api/v1/orders/${orderId}/events?ticket=${ticket}`)
      expect(stream.status).toBe(200)
      expect(await stream.waitFor(1)).toEqual([
        { event: "order.status", id: "1", data: { status: "pending", paymentStatus: "pending", trackingNumber: null } },
      ])
      expect((await api.post(`/api/v1/orders/${orderId}/payment`, { paymentMethod: "cash_on_delivery" }, { headers: sara.headers })).status).toBe(200)
      expect((await stream.waitFor(2))[1].data).toEqual({ status: "confirmed", paymentStatus: "pending", trackingNumber: null })

      // Single use: the same ticket again is refused.
      const reused = await open(`/api/v1/orders/${orderId}/events?ticket=${ticket}`)
      expect(reused.status).toBe(401)
      expect(reused.body.error).toMatchObject({
        code: "AUTHENTICATION_ERROR",
        message: "The ticket is unknown, used or expired: ask for a new one",
      })
      // A ticket opens its own order only (and is spent by trying).
      const other = (await ticketOf(sara.headers)).data.data.ticket
      const elsewhere = await open(`/api/v1/orders/order_01JNOSUCHORDER0000000000/events?ticket=${other}`)
      expect(elsewhere.status).toBe(403)
      expect(elsewhere.body.error.code).toBe("AUTHORIZATION_ERROR")
      expect((await open(`/api/v1/orders/${orderId}/events?ticket=${other}`)).status).toBe(401)
      // Omar's token on Sara's order: 403; Sara's token (an EventSource polyfill that sends headers): 200.
      expect((await open(`/api/v1/orders/${orderId}/events`, omar.headers)).status).toBe(403)
      const withToken = await open(`/api/v1/orders/${orderId}/events`, sara.headers)
      expect((await withToken.waitFor(1))[0]).toEqual({
        event: "order.status",
        id: "2",
        data: { status: "confirmed", paymentStatus: "pending", trackingNumber: null },
      })
    })

    it("a product page's stock stream follows a hold; variantIds is validated", async () => {
      const shop = await seedShop(getContainer())
      const serum = shop.variant("SKN-SER-VC-30")
      const cream = shop.variant("SKN-MOI-CB-100")
      const countOf = async (v: typeof serum) =>
        (await api.get(`/api/v1/inventory/${v.productId}/variants/${v.id}`)).data.data as { inventoryCount: number; lowStock: boolean }
      const serumBefore = await countOf(serum)
      const creamBefore = await countOf(cream)

      const stream = await open(`/api/v1/inventory/events?variantIds=${serum.id},${cream.id}`)
      expect(stream.status).toBe(200)
      expect(await stream.waitFor(2)).toEqual([
        { event: "stock", data: { variantId: serum.id, inventoryCount: serumBefore.inventoryCount, lowStock: serumBefore.lowStock } },
        { event: "stock", data: { variantId: cream.id, inventoryCount: creamBefore.inventoryCount, lowStock: creamBefore.lowStock } },
      ])

      const cartId = (await api.post("/api/v1/cart", { currency: "JOD" })).data.data.id
      await api.post(`/api/v1/cart/${cartId}/items`, { productId: serum.productId, variantId: serum.id, quantity: 3 })
      const hold = await api.post("/api/v1/inventory/reserve", {
        cartId,
        items: [{ productId: serum.productId, variantId: serum.id, quantity: 3 }],
      })
      expect(hold.status).toBe(201)
      const after = await countOf(serum)
      expect(after.inventoryCount).toBe(serumBefore.inventoryCount - 3)
      expect((await stream.waitFor(3))[2]).toEqual({
        event: "stock",
        data: { variantId: serum.id, inventoryCount: serumBefore.inventoryCount - 3, lowStock: after.lowStock },
      })
      // The hold's reservation events read the same figures: no repeat, and nothing for the cream.
      await new Promise((r) => setTimeout(r, 500))
      expect(stream.events).toHaveLength(3)

      const bad = async (qs: string) => {
        const s = await open(`/api/v1/inventory/events${qs}`)
        return [s.status, s.body?.error?.code, s.body?.error?.details?.[0]?.field]
      }
      expect(await bad("")).toEqual([400, "VALIDATION_ERROR", "variantIds"])
      expect(await bad("?variantIds=")).toEqual([400, "VALIDATION_ERROR", "variantIds"])
      expect(await bad("?variantIds=prod_123")).toEqual([400, "VALIDATION_ERROR", "variantIds.0"])
      const fiftyOne = Array.from({ length: 51 }, (_, i) => `variant_${i}`).join(",")
      expect(await bad(`?variantIds=${fiftyOne}`)).toEqual([400, "VALIDATION_ERROR", "variantIds"])
      const unknown = await open(`/api/v1/inventory/events?variantIds=${serum.id},variant_01JNOSUCH`)
      expect(unknown.status).toBe(404)
      expect(unknown.body.error).toMatchObject({ code: "RESOURCE_NOT_FOUND", message: "Unknown variants: variant_01JNOSUCH" })
    })

    it("caps open streams per IP (429 RATE_LIMITED) and ends every stream at shutdown", async () => {
      const shop = await seedShop(getContainer())
      const path = `/api/v1/inventory/events?variantIds=${shop.variant("SKN-SER-VC-30").id}`
      process.env.SSE_MAX_CONNECTIONS_PER_IP = "3"
      try {
        const first = await Promise.all([open(path), open(path), open(path)])
        expect(first.map((s) => s.status)).toEqual([200, 200, 200])
        const refused = await open(path)
        expect(refused.status).toBe(429)
        expect(refused.headers["retry-after"]).toBe("10")
        expect(refused.body).toEqual({
          error: {
            code: "RATE_LIMITED",
            message: "Too many open live streams from this address (at most 3)",
            requestId: refused.headers["x-request-id"],
          },
        })
        // A closed stream frees its slot.
        first[0].close()
        await first[0].ended
        await eventually(async () => expect((await open(path)).status).toBe(200), 3000)

        const open200 = streams.filter((s) => s.status === 200 && s !== first[0])
        expect(open200).toHaveLength(3)
        closeAllStreams()
        await Promise.all(open200.map((s) => s.ended))
        // Every slot is free again.
        const again = await Promise.all([open(path), open(path), open(path)])
        expect(again.map((s) => s.status)).toEqual([200, 200, 200])
      } finally {
        delete process.env.SSE_MAX_CONNECTIONS_PER_IP
      }
    })
  },
})

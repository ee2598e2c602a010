import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createCartWorkflow } from "@medusajs/medusa/core-flows"
import { INVENTORY_HOLD_MODULE } from "../../src/modules/inventory-hold"
import { CART_EXPIRY_MODULE } from "../../src/modules/cart-expiry"
import releaseExpiredHolds from "../../src/jobs/release-expired-holds"
import { createCustomer } from "../helpers/customers"
import { adminHeaders as loginAdmin } from "../helpers/admin"
import { seedShop, SeededVariant } from "../helpers/catalogue"
import { eventually } from "../helpers/eventually"

jest.setTimeout(240 * 1000)

const anyStatus = { validateStatus: () => true }

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let shop: Awaited<ReturnType<typeof seedShop>>
    let six: SeededVariant // SKN-CLN-SA-250: 6 in stock
    let serum: SeededVariant // SKN-SER-VC-30: 120 in stock
    let soldOut: SeededVariant

    beforeAll(async () => {
      shop = await seedShop(getContainer())
      six = shop.variant("SKN-CLN-SA-250")
      serum = shop.variant("SKN-SER-VC-30")
      soldOut = shop.variant("SKN-TON-GA-240")
    })

    const holds = () => getContainer().resolve(INVENTORY_HOLD_MODULE) as any
    const createCart = async (headers: Record<string, string> = {}) =>
      (await api.post("/api/v1/cart", { currency: "USD" }, { headers })).data.data.id as string
    const addItem = async (cartId: string, v: SeededVariant, quantity: number) => {
      const res = await api.post(`/api/v1/cart/${cartId}/items`, { productId: v.productId, variantId: v.id, quantity }, anyStatus)
      expect([res.status, res.data.error ?? null]).toEqual([200, null])
      return res.data.data.items.find((i: any) => i.variantId === v.id).id as string
    }
    const reserve = (cartId: string, items: { v: SeededVariant; quantity: number }[], extra: Record<string, unknown> = {}, headers = {}) =>
      api.post(
        "/api/v1/inventory/reserve",
        { cartId, items: items.map(({ v, quantity }) => ({ productId: v.productId, variantId: v.id, quantity })), ...extra },
        { headers, ...anyStatus }
      )
    const stock = async (v: SeededVariant, cartId?: string) => {
      const res = await api.get(`/api/v1/inventory/${v.productId}/variants/${v.id}${cartId ? `?cartId=${cartId}` : ""}`)
      expect(res.status).toBe(200)
      return res.data.data
    }
    const reservationsOf = async (cartId: string) => {
      const inventory = getContainer().resolve(Modules.INVENTORY)
      const all = await inventory.listReservationItems({}, { take: null })
      return all.filter((r: any) => r.description === `Hold for cart ${cartId}`)
    }
    const setStock = async (v: SeededVariant, stocked: number) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: [variant] } = await query.graph({ entity: "product_variant", fields: ["inventory_items.inventory_item_id"], filters: { id: v.id } })
      const inventory = getContainer().resolve(Modules.INVENTORY)
      const [level] = await inventory.listInventoryLevels({ inventory_item_id: variant.inventory_items[0].inventory_item_id })
      await inventory.updateInventoryLevels([{ inventory_item_id: level.inventory_item_id, location_id: level.location_id, stocked_quantity: stocked }])
    }

    describe("GET /api/v1/inventory/:productId/variants/:variantId", () => {
      it("answers the contract shape with the default threshold of 10", async () => {
        expect(await stock(six)).toEqual({
          productId: six.productId,
          variantId: six.id,
          inventoryCount: 6,
          available: true,
          lowStock: true,
          lowStockThreshold: 10,
        })
        expect(await stock(serum)).toEqual(expect.objectContaining({ inventoryCount: 120, lowStock: false, lowStockThreshold: 10 }))
        expect(await stock(soldOut)).toEqual(expect.objectContaining({ inventoryCount: 0, available: false, lowStock: true }))
      })

      it("answers 404 for unknown ids or another product's variant, 400 for malformed ids", async () => {
        const other = await api.get(`/api/v1/inventory/${serum.productId}/variants/${six.id}`, anyStatus)
        expect(other.status).toBe(404)
        expect(other.data.error.code).toBe("RESOURCE_NOT_FOUND")
        expect((await api.get(`/api/v1/inventory/prod_01UNKNOWN/variants/${six.id}`, anyStatus)).status).toBe(404)
        expect((await api.get(`/api/v1/inventory/${six.productId}/variants/variant_01UNKNOWN`, anyStatus)).status).toBe(404)
        const bad = await api.get(`/api/v1/inventory/${six.productId}/variants/not-an-id`, anyStatus)
        expect(bad.status).toBe(400)
        expect(bad.data.error.code).toBe("VALIDATION_ERROR")
        expect(bad.data.error.details).toEqual([{ field: "variantId", message: "variantId must be a variant id" }])
      })

      it("uses the merchant's threshold set in Admin, and Admin lists the low variants", async () => {
        const admin = await adminHeaders()
        const set = await api.post(`/admin/variants/${serum.id}/low-stock-threshold`, { low_stock_threshold: 150 }, { headers: admin })
        expect(set.status).toBe(200)
        expect(set.data.low_stock).toEqual({ variant_id: serum.id, low_stock_threshold: 150 })
        expect(await stock(serum)).toEqual(expect.objectContaining({ inventoryCount: 120, lowStock: true, lowStockThreshold: 150 }))
        const low = await api.get("/admin/low-stock", { headers: admin })
        expect(low.data.variants.map((v: any) => v.variant_id)).toEqual(expect.arrayContaining([serum.id, six.id, soldOut.id]))
        const bad = await api.post(`/admin/variants/${serum.id}/low-stock-threshold`, { low_stock_threshold: 1.5 }, { headers: admin, ...anyStatus })
        expect(bad.status).toBe(400)
        await api.post(`/admin/variants/${serum.id}/low-stock-threshold`, { low_stock_threshold: 10 }, { headers: admin })
        expect((await stock(serum)).lowStock).toBe(false)
      })
    })

    const adminHeaders = () => loginAdmin(api)

    describe("POST /api/v1/inventory/reserve", () => {
      it("holds a cart's items: 201, others see less, the holder sees its own, Admin's reservation names the cart", async () => {
        const cartId = await createCart()
        await addItem(cartId, six, 4)
        const res = await reserve(cartId, [{ v: six, quantity: 4 }])
        expect(res.status).toBe(201)
        expect(res.data).toEqual({ data: { reservationId: expect.stringMatching(/^ihold_/), expiresAt: expect.stringMatching(/Z$/) } })
        const minutes = (new Date(res.data.data.expiresAt).getTime() - Date.now()) / 60_000
        expect(minutes).toBeGreaterThan(14.5)
        expect(minutes).toBeLessThanOrEqual(15)
        expect((await reservationsOf(cartId)).map((r: any) => Number(r.quantity))).toEqual([4])

        expect((await stock(six)).inventoryCount).toBe(2)
        expect((await stock(six, cartId)).inventoryCount).toBe(6)

        // Another cart, on /api/v1 and /store alike, cannot take the held units.
        const other = await createCart()
        const tooMany = await api.post(`/api/v1/cart/${other}/items`, { productId: six.productId, variantId: six.id, quantity: 3 }, anyStatus)
        expect(tooMany.status).toBe(409)
        expect(tooMany.data.error.details[0]).toEqual(expect.objectContaining({ variantId: six.id, available: 2, requested: 3 }))
        const storeAdd = await api.post(`/store/carts/${other}/line-items`, { variant_id: six.id, quantity: 3 }, { headers: { "x-publishable-api-key": shop.publishableKey }, ...anyStatus })
        expect(storeAdd.status).toBe(409)
        await addItem(other, six, 2)
        const short = await reserve(other, [{ v: six, quantity: 2 }])
        expect(short.status).toBe(201)
        const third = await createCart()

        // Released when the holder deletes the line: the stock is back for others.
        const { data } = await api.get(`/api/v1/cart/${cartId}`)
        const line = data.data.items.find((i: any) => i.variantId === six.id)
        expect((await api.delete(`/api/v1/cart/${cartId}/items/${line.id}`)).status).toBe(200)
        expect(await reservationsOf(cartId)).toEqual([])
        expect(await holds().listInventoryHolds({ cart_id: cartId })).toEqual([])
        expect((await stock(six)).inventoryCount).toBe(4)
        await addItem(third, six, 4)

        // Clearing the other cart releases its hold too.
        expect((await api.delete(`/api/v1/cart/${other}`)).status).toBe(200)
        expect(await reservationsOf(other)).toEqual([])
        expect((await stock(six)).inventoryCount).toBe(6)
      })

      it("moves the catalogue's inventoryCount and announces holds made and released", async () => {
        const events: { name: string; data: any }[] = []
        const bus = getContainer().resolve(Modules.EVENT_BUS)
        for (const name of ["inventory.hold_created", "inventory.hold_released"]) {
          bus.subscribe(name, async (event: any) => {
            events.push({ name, data: event.data })
          })
        }
        const catalogueCount = async () => {
          const { data } = await api.get(`/api/v1/products/${six.productId}`, { headers: { "x-publishable-api-key": shop.publishableKey } })
          return data.data.variants.find((v: any) => v.id === six.id).inventoryCount
        }
        expect(await catalogueCount()).toBe(6)
        const cartId = await createCart()
        await addItem(cartId, six, 5)
        const held = await reserve(cartId, [{ v: six, quantity: 5 }])
        expect(held.status).toBe(201)
        await eventually(async () => expect(await catalogueCount()).toBe(1))
        await api.delete(`/api/v1/cart/${cartId}`)
        await eventually(async () => expect(await catalogueCount()).toBe(6))
        await eventually(async () =>
          expect(events).toEqual([
            { name: "inventory.hold_created", data: expect.objectContaining({ id: held.data.data.reservationId, cart_id: cartId, variant_ids: [six.id] }) },
            { name: "inventory.hold_released", data: { id: held.data.data.reservationId, cart_id: cartId, variant_ids: [six.id], removed: true } },
          ])
        )
      })

      it("replaces a cart's hold instead of adding to it", async () => {
        const cartId = await createCart()
        await addItem(cartId, serum, 5)
        const first = await reserve(cartId, [{ v: serum, quantity: 5 }])
        expect(first.status).toBe(201)
        expect((await stock(serum)).inventoryCount).toBe(115)
        const second = await reserve(cartId, [{ v: serum, quantity: 3 }], { reservationMinutes: 60 })
        expect(second.status).toBe(201)
        expect(second.data.data.reservationId).not.toBe(first.data.data.reservationId)
        expect((await stock(serum)).inventoryCount).toBe(117)
        expect((await reservationsOf(cartId)).map((r: any) => Number(r.quantity))).toEqual([3])
        expect(await holds().listInventoryHolds({ cart_id: cartId })).toHaveLength(1)
        const minutes = (new Date(second.data.data.expiresAt).getTime() - Date.now()) / 60_000
        expect(minutes).toBeGreaterThan(59.5)

        // A hold covers the lines as they were: changing the held line gives it back.
        const { data } = await api.get(`/api/v1/cart/${cartId}`)
        const line = data.data.items.find((i: any) => i.variantId === serum.id)
        expect((await api.put(`/api/v1/cart/${cartId}/items/${line.id}`, { quantity: 4 })).status).toBe(200)
        expect(await reservationsOf(cartId)).toEqual([])
        expect(await holds().listInventoryHolds({ cart_id: cartId })).toEqual([])
        expect((await stock(serum)).inventoryCount).toBe(120)
        expect((await reserve(cartId, [{ v: serum, quantity: 4 }])).status).toBe(201)
        expect((await stock(serum)).inventoryCount).toBe(116)
        await api.delete(`/api/v1/cart/${cartId}`)
        expect((await stock(serum)).inventoryCount).toBe(120)
      })

      it("holds all items or none: 409 INVENTORY_ERROR names each short variant", async () => {
        const cartId = await createCart()
        await addItem(cartId, six, 6)
        await addItem(cartId, serum, 1)
        const blocker = await createCart()
        await addItem(blocker, six, 2)
        expect((await reserve(blocker, [{ v: six, quantity: 2 }])).status).toBe(201)

        const res = await reserve(cartId, [{ v: serum, quantity: 1 }, { v: six, quantity: 6 }])
        expect(res.status).toBe(409)
        expect(res.data.error.code).toBe("INVENTORY_ERROR")
        expect(res.data.error.details).toEqual([
          { field: "items", message: `Only 4 of variant ${six.id} available, 6 requested`, variantId: six.id, available: 4, requested: 6 },
        ])
        expect(await reservationsOf(cartId)).toEqual([])
        expect((await stock(serum)).inventoryCount).toBe(120)
        await api.delete(`/api/v1/cart/${blocker}`)
        await api.delete(`/api/v1/cart/${cartId}`)
      })

      it("answers 400, 404, 410, 409, 422 and 401/403 as the cart routes do", async () => {
        const cartId = await createCart()
        await addItem(cartId, serum, 2)
        const bad = await api.post("/api/v1/inventory/reserve", { cartId, items: [], reservationMinutes: 61, extra: 1 }, anyStatus)
        expect(bad.status).toBe(400)
        expect(bad.data.error.details.map((d: any) => d.field).sort()).toEqual(["extra", "items", "reservationMinutes"])
        expect((await reserve(cartId, [{ v: serum, quantity: 1 }], { reservationMinutes: 0 })).status).toBe(400)
        expect((await reserve(cartId, [{ v: serum, quantity: 1.5 }])).status).toBe(400)

        const unknown = await reserve("cart_01UNKNOWN", [{ v: serum, quantity: 1 }])
        expect(unknown.status).toBe(404)
        expect(unknown.data.error.code).toBe("RESOURCE_NOT_FOUND")

        const notInCart = await reserve(cartId, [{ v: six, quantity: 1 }])
        expect(notInCart.status).toBe(422)
        expect(notInCart.data.error.details[0].field).toBe("items.0.variantId")
        const above = await reserve(cartId, [{ v: serum, quantity: 3 }])
        expect(above.status).toBe(422)
        expect(above.data.error.details[0]).toEqual({ field: "items.0.quantity", message: `The cart has 2 of variant ${serum.id}; cannot hold 3` })

        const owner = await createCustomer(api, shop.publishableKey, `holder-${Date.now()}@example.com`)
        const stranger = await createCustomer(api, shop.publishableKey, `stranger-${Date.now()}@example.com`)
        const mine = (await api.post("/api/v1/cart", { currency: "USD", customerId: owner.id }, { headers: owner.headers })).data.data.id
        await api.post(`/api/v1/cart/${mine}/items`, { productId: serum.productId, variantId: serum.id, quantity: 1 }, { headers: owner.headers })
        expect((await reserve(mine, [{ v: serum, quantity: 1 }])).status).toBe(401)
        expect((await reserve(mine, [{ v: serum, quantity: 1 }], {}, stranger.headers)).status).toBe(403)
        expect((await reserve(mine, [{ v: serum, quantity: 1 }], {}, owner.headers)).status).toBe(201)
        await api.delete(`/api/v1/cart/${mine}`, { headers: owner.headers })

        const expiries = getContainer().resolve(CART_EXPIRY_MODULE) as any
        const [expiry] = await expiries.listCartExpiries({ cart_id: cartId })
        await expiries.updateCartExpiries({ id: expiry.id, expires_at: new Date(Date.now() - 1000) })
        const gone = await reserve(cartId, [{ v: serum, quantity: 1 }])
        expect(gone.status).toBe(410)
        expect(gone.data.error.code).toBe("GONE")
      })

      it("an expired hold is free at once on reads, and the job releases its reservations", async () => {
        const cartId = await createCart()
        await addItem(cartId, six, 5)
        expect((await reserve(cartId, [{ v: six, quantity: 5 }])).status).toBe(201)
        expect((await stock(six)).inventoryCount).toBe(1)
        const [hold] = await holds().listInventoryHolds({ cart_id: cartId })
        await holds().updateInventoryHolds({ id: hold.id, expires_at: new Date(Date.now() - 1000) })
        expect((await stock(six)).inventoryCount).toBe(6)
        const other = await createCart()
        await addItem(other, six, 6)
        // Holding over an expired hold takes its place.
        expect((await reserve(other, [{ v: six, quantity: 6 }])).status).toBe(201)
        expect(await reservationsOf(cartId)).toEqual([])
        await api.delete(`/api/v1/cart/${other}`)

        const again = await createCart()
        await addItem(again, six, 2)
        expect((await reserve(again, [{ v: six, quantity: 2 }])).status).toBe(201)
        const [h] = await holds().listInventoryHolds({ cart_id: again })
        await holds().updateInventoryHolds({ id: h.id, expires_at: new Date(Date.now() - 1000) })
        expect(await reservationsOf(again)).toHaveLength(1)
        await releaseExpiredHolds(getContainer())
        expect(await reservationsOf(again)).toEqual([])
        expect(await holds().listInventoryHolds({ cart_id: again })).toEqual([])
        expect((await stock(six)).inventoryCount).toBe(6)
        await api.delete(`/api/v1/cart/${again}`)
      })

      it("the holding cart's own order takes its held last units", async () => {
        const store = { headers: { "x-publishable-api-key": shop.publishableKey } }
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const { data: [region] } = await query.graph({ entity: "region", fields: ["id"], filters: { currency_code: "usd" } })
        const { data } = await api.post("/store/carts", { region_id: region.id }, store)
        const cartId = data.cart.id
        expect((await api.post(`/store/carts/${cartId}/line-items`, { variant_id: six.id, quantity: 6 }, store)).status).toBe(200)
        expect((await reserve(cartId, [{ v: six, quantity: 6 }])).status).toBe(201)
        expect((await stock(six)).inventoryCount).toBe(0)
        await api.post(`/store/carts/${cartId}`, {
          email: "holder@example.com",
          shipping_address: { first_name: "Sam", last_name: "Buyer", address_1: "1 Main St", city: "Austin", province: "TX", postal_code: "73301", country_code: "us" },
        }, store)
        const { data: options } = await api.get(`/store/shipping-options?cart_id=${cartId}`, store)
        expect((await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: options.shipping_options[0].id }, store)).status).toBe(200)
        const collection = await api.post("/store/payment-collections", { cart_id: cartId }, store)
        await api.post(`/store/payment-collections/${collection.data.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, store)
        const placed = await api.post(`/store/carts/${cartId}/complete`, {}, { ...store, ...anyStatus })
        expect(placed.status).toBe(200)
        expect(placed.data.type).toBe("order")
        const ordered = await reserve(cartId, [{ v: six, quantity: 6 }])
        expect(ordered.status).toBe(409)
        expect(ordered.data.error.code).toBe("CONFLICT")
        expect(await holds().listInventoryHolds({ cart_id: cartId })).toEqual([])
        expect(await reservationsOf(cartId)).toEqual([])
        expect((await stock(six)).inventoryCount).toBe(0)
      })
    })

    describe("storm", () => {
      // Through Medusa's workflow directly, one per cart: 200 carts over HTTP would dominate the spec's time.
      const cartsHolding = async (count: number, items: { v: SeededVariant; quantity: number }[]) => {
        const container = getContainer()
        const query = container.resolve(ContainerRegistrationKeys.QUERY)
        const { data: [region] } = await query.graph({ entity: "region", fields: ["id"], filters: { currency_code: "usd" } })
        const ids: string[] = []
        for (let i = 0; i < count; i += 20) {
          const batch = await Promise.all(
            Array.from({ length: Math.min(20, count - i) }, () =>
              createCartWorkflow(container).run({
                input: { region_id: region.id, items: items.map(({ v, quantity }) => ({ variant_id: v.id, quantity })) },
              })
            )
          )
          ids.push(...batch.map(({ result }) => result.id))
        }
        return ids
      }
      const heldOf = async (v: SeededVariant) => {
        const all = (await holds().listInventoryHolds({}, { take: null })) as any[]
        return all.flatMap((h) => h.reservations).filter((r: any) => r.variant_id === v.id).reduce((s: number, r: any) => s + r.quantity, 0)
      }

      it("200 parallel holds from 200 carts on 10 in stock: exactly 10 held, the rest 409, no 5xx", async () => {
        const mg = shop.variant("SKN-SUN-MG-50")
        const carts = await cartsHolding(200, [{ v: mg, quantity: 1 }])
        await setStock(mg, 10)
        const answers = await Promise.all(carts.map((id) => reserve(id, [{ v: mg, quantity: 1 }])))
        const statuses = answers.map((a) => a.status)
        expect(statuses.filter((s) => s === 201)).toHaveLength(10)
        expect(statuses.filter((s) => s === 409)).toHaveLength(190)
        expect(answers.filter((a) => a.status === 409).every((a) => a.data.error.code === "INVENTORY_ERROR")).toBe(true)
        expect(await heldOf(mg)).toBe(10)
        expect((await stock(mg)).inventoryCount).toBe(0)
      })

      it("two items held in opposite orders by parallel carts never deadlock nor oversell", async () => {
        const a = shop.variant("SKN-MSK-SL-75")
        const b = shop.variant("SKN-EYE-CF-30")
        const carts = await cartsHolding(60, [{ v: a, quantity: 1 }, { v: b, quantity: 1 }])
        await setStock(a, 10)
        await setStock(b, 10)
        const answers = await Promise.all(
          carts.map((id, i) =>
            reserve(id, i % 2 ? [{ v: a, quantity: 1 }, { v: b, quantity: 1 }] : [{ v: b, quantity: 1 }, { v: a, quantity: 1 }])
          )
        )
        const statuses = answers.map((x) => x.status)
        expect(statuses.filter((s) => s === 201)).toHaveLength(10)
        expect(statuses.filter((s) => s === 409)).toHaveLength(50)
        expect(await heldOf(a)).toBe(10)
        expect(await heldOf(b)).toBe(10)
      })
    })
  },
})

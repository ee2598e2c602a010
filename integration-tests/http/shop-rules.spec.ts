import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { transferCartCustomerWorkflow } from "@medusajs/medusa/core-flows"
import type { AxiosInstance } from "axios"
import { CART_EXPIRY_MODULE } from "../../src/modules/cart-expiry"
import { ORDER_NUMBER_PATTERN } from "../../src/lib/order-number"
import { createCustomer } from "../helpers/customers"
import { seedShop, SeededVariant } from "../helpers/catalogue"

jest.setTimeout(240 * 1000)

const anyStatus = { validateStatus: () => true }

/**
 * The holes a black-box probe found through Medusa's public /store API, each
 * tried again through /store and /api/v1: the same rules answer on both.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let serum: SeededVariant // 29.50 USD
    let shop: Awaited<ReturnType<typeof seedShop>>
    let key: string
    let regions: Record<string, string>

    beforeAll(async () => {
      shop = await seedShop(getContainer())
      serum = shop.variant("SKN-SER-VC-30")
      key = shop.publishableKey
      const { data } = await api.get("/store/regions", { headers: { "x-publishable-api-key": key } })
      regions = Object.fromEntries(data.regions.map((r: { id: string; currency_code: string }) => [r.currency_code, r.id]))
    })

    const store = (headers: Record<string, string> = {}) => ({
      headers: { "x-publishable-api-key": key, ...headers },
      validateStatus: () => true,
    })
    const storeCart = async (currency: "usd" | "jod", quantity: number, headers: Record<string, string> = {}) => {
      const { data } = await api.post("/store/carts", { region_id: regions[currency] }, store(headers))
      if (quantity) {
        const added = await api.post(
          `/store/carts/${data.cart.id}/line-items`,
          { variant_id: serum.id, quantity },
          store(headers)
        )
        expect(added.status).toBe(200)
      }
      return data.cart.id as string
    }
    const storeCodes = async (cartId: string) => {
      const { data } = await api.get(`/store/carts/${cartId}`, store())
      return {
        codes: (data.cart.promotions ?? []).map((p: { code: string }) => p.code) as string[],
        discount: data.cart.discount_subtotal as number,
      }
    }
    const addPromo = (cartId: string, codes: string[], headers: Record<string, string> = {}) =>
      api.post(`/store/carts/${cartId}/promotions`, { promo_codes: codes }, store(headers))
    const applyV1 = (client: AxiosInstance, cartId: string, discountCode: string) =>
      client.post("/api/v1/checkout/discount", { cartId, discountCode }, anyStatus)

    describe("discount rules on /store, as on /api/v1", () => {
      it("refuses WELCOME10 below its 50 USD minimum (422), unknown codes (400), ended and used-up codes (410)", async () => {
        const cartId = await storeCart("usd", 1) // 29.50 USD
        const below = await addPromo(cartId, ["WELCOME10"])
        expect(below.status).toBe(422)
        expect(below.data).toMatchObject({ code: "DISCOUNT_ERROR", message: "Minimum order not met" })
        const v1 = await applyV1(api, cartId, "WELCOME10")
        expect(v1.status).toBe(422)
        expect(v1.data.error).toMatchObject({
          code: "DISCOUNT_ERROR",
          details: [expect.objectContaining({ field: "discountCode", minimumAmount: 5000, subtotal: 2950 })],
        })

        const unknown = await addPromo(cartId, ["NOPE42"])
        expect(unknown.status).toBe(400)
        expect(unknown.data.code).toBe("DISCOUNT_ERROR")
        for (const code of ["EXPIRED15", "LIMITED1"]) {
          const gone = await addPromo(cartId, [code])
          expect(gone.status).toBe(410)
          expect(gone.data.code).toBe("DISCOUNT_ERROR")
          expect((await applyV1(api, cartId, code)).status).toBe(410)
        }
        expect(await storeCodes(cartId)).toEqual({ codes: [], discount: 0 })
      })

      it("allows one code per cart: a second code is 409 on either API, and two at once too", async () => {
        const cartId = await storeCart("usd", 2)
        expect((await addPromo(cartId, ["SAVE20"])).status).toBe(200)
        for (const code of ["FLAT5", "WELCOME10", "SAVE20"]) {
          const second = await addPromo(cartId, [code])
          expect(second.status).toBe(409)
          expect(second.data).toMatchObject({ code: "CONFLICT" })
          expect(second.data.message).toContain("SAVE20")
          const v1 = await applyV1(api, cartId, code)
          expect(v1.status).toBe(409)
          expect(v1.data.error.code).toBe("CONFLICT")
        }
        const both = await addPromo(await storeCart("usd", 2), ["SAVE20", "FLAT5"])
        expect(both.status).toBe(409)
        const after = await storeCodes(cartId)
        expect(after.codes).toEqual(["SAVE20"])
        expect(after.discount).toBe(11.8) // 20% of 2 × 29.50
        const v1Cart = await api.get(`/api/v1/cart/${cartId}`)
        expect(v1Cart.data.data).toMatchObject({ discountCode: "SAVE20", discount: 1180 })
      })

      it("drops WELCOME10 when /store lowers the cart below the minimum, and keeps it above", async () => {
        const cartId = await storeCart("usd", 2) // 59.00 USD
        expect((await addPromo(cartId, ["WELCOME10"])).status).toBe(200)
        expect(await storeCodes(cartId)).toEqual({ codes: ["WELCOME10"], discount: 5.9 })
        const { data } = await api.get(`/store/carts/${cartId}`, store())
        const lineId = data.cart.items[0].id
        const lowered = await api.post(`/store/carts/${cartId}/line-items/${lineId}`, { quantity: 1 }, store())
        expect(lowered.status).toBe(200)
        expect(lowered.data.cart.promotions).toEqual([])
        expect(lowered.data.cart.discount_subtotal).toBe(0)
        const raised = await api.post(`/store/carts/${cartId}/line-items/${lineId}`, { quantity: 3 }, store())
        expect(raised.status).toBe(200)
        // A dropped code stays dropped: the shopper applies it again.
        expect(raised.data.cart.promotions).toEqual([])
        expect((await addPromo(cartId, ["WELCOME10"])).status).toBe(200)
        expect((await storeCodes(cartId)).discount).toBe(8.85)
      })

      it("drops it when /api/v1 removes the line that held the cart above the minimum", async () => {
        const cartId = await storeCart("usd", 2)
        const moisturiser = (await api.get("/api/v1/products?limit=100")).data.data.find(
          (p: { id: string }) => p.id !== serum.productId
        )
        await api.post(`/api/v1/cart/${cartId}/items`, {
          productId: moisturiser.id,
          variantId: moisturiser.variants[0].id,
          quantity: 1,
        })
        expect((await applyV1(api, cartId, "welcome10")).status).toBe(200)
        const cart = (await api.get(`/api/v1/cart/${cartId}`)).data.data
        const serumLine = cart.items.find((i: { variantId: string }) => i.variantId === serum.id)
        const res = await api.delete(`/api/v1/cart/${cartId}/items/${serumLine.id}`, anyStatus)
        expect(res.status).toBe(200)
        const stillAbove = res.data.data.subtotal >= 5000
        expect(res.data.data.discountCode).toBe(stillAbove ? "WELCOME10" : null)
        expect(res.data.message.includes("WELCOME10 was removed")).toBe(!stillAbove)
      })
    })

    describe("ownership on both APIs", () => {
      it("keeps a customer's cart theirs on /store and /api/v1; /store/carts/:id/customer only claims guest carts", async () => {
        const amal = await createCustomer(api, key, "amal.rules@example.com")
        const omar = await createCustomer(api, key, "omar.rules@example.com")
        const cartId = await storeCart("usd", 1, amal.headers)

        const asGuest = await api.get(`/store/carts/${cartId}`, store())
        expect(asGuest.status).toBe(401)
        const asOmar = await api.get(`/store/carts/${cartId}`, store(omar.headers))
        expect(asOmar.status).toBe(403)
        expect((await api.get(`/store/carts/${cartId}`, store(amal.headers))).status).toBe(200)

        const guestAdd = await api.post(`/store/carts/${cartId}/line-items`, { variant_id: serum.id, quantity: 1 }, store())
        expect(guestAdd.status).toBe(401)
        const omarPromo = await addPromo(cartId, ["SAVE20"], omar.headers)
        expect(omarPromo.status).toBe(403)
        const takeover = await api.post(`/store/carts/${cartId}/customer`, {}, store(omar.headers))
        expect(takeover.status).toBe(403)
        const payment = await api.post("/store/payment-collections", { cart_id: cartId }, store(omar.headers))
        expect(payment.status).toBe(403)

        const v1Guest = await api.get(`/api/v1/cart/${cartId}`, anyStatus)
        expect(v1Guest.status).toBe(401)
        expect(v1Guest.data.error.code).toBe("AUTHENTICATION_ERROR")
        const v1Omar = await api.get(`/api/v1/cart/${cartId}`, { headers: omar.headers, ...anyStatus })
        expect(v1Omar.status).toBe(403)
        expect(v1Omar.data.error.code).toBe("AUTHORIZATION_ERROR")

        const own = await api.get(`/api/v1/cart/${cartId}`, { headers: amal.headers })
        expect(own.data.data).toMatchObject({ customerId: amal.id, items: [expect.objectContaining({ quantity: 1 })] })
      })

      it("refuses the takeover in Medusa's transfer workflow itself, whoever runs it", async () => {
        const amal = await createCustomer(api, key, "amal.transfer@example.com")
        const omar = await createCustomer(api, key, "omar.transfer@example.com")
        const cartId = await storeCart("usd", 1, amal.headers)
        const { errors, transaction } = await transferCartCustomerWorkflow(getContainer()).run({
          input: { id: cartId, customer_id: omar.id },
          throwOnError: false,
        })
        expect(transaction.getState()).toBe("reverted")
        expect(errors.map((e) => e.error.message)).toEqual(["This cart belongs to another customer"])
        const { data } = await api.get(`/store/carts/${cartId}`, store(amal.headers))
        expect(data.cart.customer_id).toBe(amal.id)
      })

      it("never locks a guest out of the cart once /store attached a guest customer record", async () => {
        const cartId = await storeCart("usd", 1)
        const withEmail = await api.post(`/store/carts/${cartId}`, { email: "guest.shopper@example.com" }, store())
        expect(withEmail.status).toBe(200)
        expect(withEmail.data.cart.customer_id).toEqual(expect.any(String))

        const v1 = await api.get(`/api/v1/cart/${cartId}`, anyStatus)
        expect(v1.status).toBe(200)
        const add = await api.post(
          `/api/v1/cart/${cartId}/items`,
          { productId: serum.productId, variantId: serum.id, quantity: 1 },
          anyStatus
        )
        expect(add.status).toBe(200)
        expect((await api.get(`/store/carts/${cartId}`, store())).status).toBe(200)

        // A signed-in customer may claim a guest cart; then it is theirs.
        const rana = await createCustomer(api, key, "rana.rules@example.com")
        const claim = await api.post(`/store/carts/${cartId}/customer`, {}, store(rana.headers))
        expect(claim.status).toBe(200)
        expect(claim.data.cart.customer_id).toBe(rana.id)
        expect((await api.get(`/store/carts/${cartId}`, store())).status).toBe(401)
      })
    })

    describe("expired and ordered carts on both APIs", () => {
      const pay = async (cartId: string) => {
        const collection = await api.post("/store/payment-collections", { cart_id: cartId }, store())
        expect(collection.status).toBe(200)
        const session = await api.post(
          `/store/payment-collections/${collection.data.payment_collection.id}/payment-sessions`,
          { provider_id: "pp_system_default" },
          store()
        )
        expect(session.status).toBe(200)
      }
      const complete = (cartId: string) => api.post(`/store/carts/${cartId}/complete`, {}, store())
      const readyToOrder = async () => {
        const cartId = await storeCart("usd", 1)
        await api.post(
          `/store/carts/${cartId}`,
          {
            email: "buyer@example.com",
            shipping_address: {
              first_name: "Sam",
              last_name: "Buyer",
              address_1: "1 Main St",
              city: "Austin",
              province: "TX",
              postal_code: "73301",
              country_code: "us",
            },
          },
          store()
        )
        const { data } = await api.get(`/store/shipping-options?cart_id=${cartId}`, store())
        const option = data.shipping_options[0]
        const method = await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: option.id }, store())
        expect(method.status).toBe(200)
        return cartId
      }

      it("answers 410 for an expired cart on /store and /api/v1", async () => {
        const cartId = await storeCart("usd", 1)
        const expiries = getContainer().resolve(CART_EXPIRY_MODULE) as any
        const [expiry] = await expiries.listCartExpiries({ cart_id: cartId })
        await expiries.updateCartExpiries({ id: expiry.id, expires_at: new Date(Date.now() - 1000) })

        const read = await api.get(`/store/carts/${cartId}`, store())
        expect(read.status).toBe(410)
        expect(read.data.code).toBe("GONE")
        const add = await api.post(`/store/carts/${cartId}/line-items`, { variant_id: serum.id, quantity: 1 }, store())
        expect(add.status).toBe(410)
        expect((await addPromo(cartId, ["SAVE20"])).status).toBe(410)
        expect((await api.post(`/store/carts/${cartId}/complete`, {}, store())).status).toBe(410)
        const v1 = await api.get(`/api/v1/cart/${cartId}`, anyStatus)
        expect(v1.status).toBe(410)
        expect(v1.data.error.code).toBe("GONE")
      })

      it("answers 409 for changes to an ordered cart, and completing again answers the same order", async () => {
        const cartId = await readyToOrder()
        await pay(cartId)
        const placed = await complete(cartId)
        expect(placed.status).toBe(200)
        expect(placed.data.type).toBe("order")
        expect(placed.data.order.custom_display_id).toMatch(ORDER_NUMBER_PATTERN)

        const add = await api.post(`/store/carts/${cartId}/line-items`, { variant_id: serum.id, quantity: 1 }, store())
        expect(add.status).toBe(409)
        expect(add.data.code).toBe("CONFLICT")
        expect((await addPromo(cartId, ["SAVE20"])).status).toBe(409)
        const v1 = await api.post(
          `/api/v1/cart/${cartId}/items`,
          { productId: serum.productId, variantId: serum.id, quantity: 1 },
          anyStatus
        )
        expect(v1.status).toBe(409)
        expect(v1.data.error.code).toBe("CONFLICT")
        const again = await api.post(`/store/carts/${cartId}/complete`, {}, store())
        expect(again.status).toBe(200)
        expect(again.data.order.id).toBe(placed.data.order.id)
      })

      it("refuses to complete a cart whose code was used up meanwhile (410), on /store", async () => {
        const promotions = getContainer().resolve(Modules.PROMOTION)
        await promotions.createPromotions([
          {
            code: "ONCEONLY",
            type: "standard",
            status: "active",
            limit: 1,
            application_method: { type: "percentage", target_type: "order", allocation: "across", value: 10 },
          },
        ])
        const first = await readyToOrder()
        const second = await readyToOrder()
        for (const cartId of [first, second]) {
          expect((await addPromo(cartId, ["ONCEONLY"])).status).toBe(200)
          await pay(cartId)
        }
        expect((await complete(first)).status).toBe(200)
        const orders = getContainer().resolve(Modules.ORDER)
        const before = (await orders.listOrders({})).length
        const res = await complete(second)
        expect(res.status).toBe(410)
        expect(res.data).toMatchObject({ code: "DISCOUNT_ERROR", message: "Discount code ONCEONLY has reached its usage limit" })
        expect((await orders.listOrders({})).length).toBe(before)
        const { data } = await api.get(`/store/carts/${second}`, store())
        expect(data.cart.completed_at).toBeNull()
      })
    })

    describe("the amount charged follows the cart", () => {
      it("a JOD code applied through /store after payment started: the session and the order charge the rounded total", async () => {
        const cream = shop.variant("SKN-MOI-CB-100") // 26.99 JOD
        const { data: created } = await api.post("/store/carts", { region_id: regions.jod }, store())
        const cartId = created.cart.id
        await api.post(`/store/carts/${cartId}/line-items`, { variant_id: cream.id, quantity: 1 }, store())
        const amman = {
          first_name: "Lina",
          last_name: "Haddad",
          address_1: "Queen Rania Street 15",
          city: "Amman",
          province: "Amman",
          country_code: "jo",
        }
        await api.post(`/store/carts/${cartId}`, { email: "lina@example.com", shipping_address: amman }, store())
        const { data: options } = await api.get(`/store/shipping-options?cart_id=${cartId}`, store())
        const standard = options.shipping_options.find((o: { name: string }) => /standard/i.test(o.name))
        expect((await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: standard.id }, store())).status).toBe(200)
        const collection = await api.post("/store/payment-collections", { cart_id: cartId }, store())
        // 26990 × 0.8 = 21592 fils: the shop rounds the total down to 21590 (+ 5000 delivery).
        expect((await addPromo(cartId, ["SAVE20"])).status).toBe(200)
        const { data } = await api.get(`/store/carts/${cartId}`, store())
        expect(data.cart.total).toBe(26.59)
        const session = await api.post(
          `/store/payment-collections/${collection.data.payment_collection.id}/payment-sessions`,
          { provider_id: "pp_system_default" },
          store()
        )
        expect(session.status).toBe(200)
        expect(session.data.payment_collection.amount).toBe(26.59)
        expect(session.data.payment_collection.payment_sessions.map((s: { amount: number }) => s.amount)).toEqual([26.59])
        // The code goes after the session was made: completing now must not charge the old amount.
        const removed = await api.delete(`/store/carts/${cartId}/promotions`, { ...store(), data: { promo_codes: ["SAVE20"] } })
        expect(removed.status).toBe(200)
        const stale = await api.post(`/store/carts/${cartId}/complete`, {}, store())
        expect(stale.status).toBeLessThan(500)
        expect(stale.data.type).not.toBe("order")
        const again = await api.post(
          `/store/payment-collections/${collection.data.payment_collection.id}/payment-sessions`,
          { provider_id: "pp_system_default" },
          store()
        )
        expect(again.data.payment_collection.amount).toBe(31.99)
        const placed = await api.post(`/store/carts/${cartId}/complete`, {}, store())
        expect(placed.status).toBe(200)
        expect(placed.data.order.total).toBe(31.99)
        expect(placed.data.order.payment_collections[0].amount).toBe(31.99)
      })
    })

    describe("one queue per cart", () => {
      it("20 parallel adds, half through each API: no 5xx, one line, never over the per-line maximum", async () => {
        const cartId = await storeCart("usd", 0)
        const requests = Array.from({ length: 20 }, (_, i) =>
          i % 2
            ? api.post(`/store/carts/${cartId}/line-items`, { variant_id: serum.id, quantity: 1 }, store())
            : api.post(
                `/api/v1/cart/${cartId}/items`,
                { productId: serum.productId, variantId: serum.id, quantity: 1 },
                anyStatus
              )
        )
        const statuses = (await Promise.all(requests)).map((r) => r.status)
        expect(statuses.filter((s) => s >= 500)).toEqual([])
        const ok = statuses.filter((s) => s === 200).length
        expect(ok).toBe(10) // CART_MAX_QUANTITY_PER_ITEM
        expect(statuses.filter((s) => s === 422).length).toBe(10)
        const { data } = await api.get(`/store/carts/${cartId}`, store())
        expect(data.cart.items).toHaveLength(1)
        expect(data.cart.items[0].quantity).toBe(ok)
      })

      it("10 carts given one new email at once through /store all take it (no unique-email 400)", async () => {
        const carts = await Promise.all(Array.from({ length: 10 }, () => storeCart("usd", 0)))
        const answers = await Promise.all(
          carts.map((cartId) => api.post(`/store/carts/${cartId}`, { email: "same.guest@example.com" }, store()))
        )
        expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200))
        expect(new Set(answers.map((a) => a.data.cart.customer_id)).size).toBe(1)
      })

      it("20 parallel adds through /store alone all succeed in turn", async () => {
        const cartId = await storeCart("usd", 0)
        const variants = (await api.get("/api/v1/products?limit=100")).data.data
          .flatMap((p: { variants: { id: string; inventoryCount: number }[] }) => p.variants)
          .filter((v: { inventoryCount: number }) => v.inventoryCount >= 5)
          .slice(0, 20)
        expect(variants).toHaveLength(20)
        const responses = await Promise.all(
          variants.map((v: { id: string }) =>
            api.post(`/store/carts/${cartId}/line-items`, { variant_id: v.id, quantity: 1 }, store())
          )
        )
        expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200))
        const { data } = await api.get(`/store/carts/${cartId}`, store())
        expect(data.cart.items).toHaveLength(20)
      })
    })
  },
})

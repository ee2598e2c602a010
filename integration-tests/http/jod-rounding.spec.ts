import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { toMinorUnits } from "../../src/lib/money"
import { PAYABLE_ROUNDING_REFERENCE } from "../../src/workflows/steps/round-payable-total"
import { seedShop } from "../helpers/catalogue"

jest.setTimeout(600 * 1000)

const anyStatus = { validateStatus: () => true }
const AMMAN = {
  country: "JO",
  city: "Amman",
  governorate: "Amman",
  postalCode: "11118",
  street: "Queen Rania Street",
  building: "Building 15",
}
const STORE_AMMAN = {
  first_name: "Lina",
  last_name: "Haddad",
  address_1: "Queen Rania Street 15",
  city: "Amman",
  province: "Amman",
  postal_code: "11118",
  country_code: "jo",
}
const METHODS = ["standard", "express", "same_day"] as const
const WELCOME10_MINIMUM_FILS = 35000
const GST = 16

/** JOD fils of a seeded price in JOD (at most 3 decimals), without floats. */
const fils = (jod: number) => Number(jod.toFixed(3).replace(".", ""))

/** What a code takes off a JOD line total, in fils, before the shop's rounding (Medusa's promotions). */
function promotionFils(code: string | null, subtotal: number) {
  switch (code) {
    case "SAVE20":
      return (subtotal * 20) / 100
    case "WELCOME10":
      return (subtotal * 10) / 100
    case "FLAT5":
      // FLAT5 is a tax-exclusive promotion (seed/promotions.ts): Medusa takes its
      // 5 JOD off the amount before GST, which is 5.80 JOD off a JOD shelf total.
      return Math.min(5800, subtotal)
    default:
      return 0
  }
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let shop: Awaited<ReturnType<typeof seedShop>>
    let storeHeaders: { headers: Record<string, string> }

    beforeAll(async () => {
      shop = await seedShop(getContainer())
      storeHeaders = { headers: { "x-publishable-api-key": shop.publishableKey } }
    })

    const jodVariants = () =>
      shop.catalogue.flatMap((p) => p.variants).map((v) => ({ ...v, ...shop.variant(v.sku), jodFils: fils(v.jod) }))

    const newAmmanCart = async (lines: { productId: string; id: string; quantity: number }[]) => {
      const cart = (await api.post("/api/v1/cart", { currency: "JOD" })).data.data
      for (const line of lines) {
        const added = await api.post(
          `/api/v1/cart/${cart.id}/items`,
          { productId: line.productId, variantId: line.id, quantity: line.quantity },
          anyStatus
        )
        expect(added.status).toBe(200)
      }
      const quote = await api.post("/api/v1/checkout/shipping", { cartId: cart.id, shippingAddress: AMMAN }, anyStatus)
      expect(quote.status).toBe(200)
      const options = Object.fromEntries(
        quote.data.data.methods.map((m: { id: string; shippingOptionId: string; price: number }) => [
          m.id,
          { optionId: m.shippingOptionId, price: m.price },
        ])
      ) as Record<(typeof METHODS)[number], { optionId: string; price: number }>
      return { cartId: cart.id as string, options }
    }

    describe("the seed", () => {
      it("prices every JOD variant and every Jordan delivery in whole 10 fils, tax-inclusive", async () => {
        const container = getContainer()
        for (const variant of shop.catalogue.flatMap((p) => p.variants)) {
          expect([variant.sku, fils(variant.jod) % 10]).toEqual([variant.sku, 0])
          if (variant.compareAtJod !== undefined) {
            expect([variant.sku, fils(variant.compareAtJod) % 10]).toEqual([variant.sku, 0])
          }
        }
        const pricing = container.resolve(Modules.PRICING)
        const [jod] = await pricing.listPricePreferences({ attribute: "currency_code", value: "jod" })
        const [usd] = await pricing.listPricePreferences({ attribute: "currency_code", value: "usd" })
        expect(jod.is_tax_inclusive).toBe(true)
        expect(usd.is_tax_inclusive).toBe(false)
        const [jordan] = await container.resolve(Modules.REGION).listRegions({ name: "Jordan" })
        const [region] = await pricing.listPricePreferences({ attribute: "region_id", value: jordan.id })
        expect(region.is_tax_inclusive).toBe(true)

        const { options } = await newAmmanCart([{ ...shop.variant("SKN-SER-VC-30"), quantity: 1 }])
        expect(METHODS.map((m) => options[m].price)).toEqual([5000, 10000, 15000])
      })

      it("brings a database seeded before Jordan became tax-inclusive up to date when seeded again", async () => {
        const container = getContainer()
        const pricing = container.resolve(Modules.PRICING)
        const [jordan] = await container.resolve(Modules.REGION).listRegions({ name: "Jordan" })
        const stale = await pricing.listPricePreferences({
          $or: [
            { attribute: "currency_code", value: "jod" },
            { attribute: "region_id", value: jordan.id },
          ],
        })
        for (const preference of stale) {
          await pricing.updatePricePreferences(preference.id, { is_tax_inclusive: false })
        }
        await seedShop(container)
        const fresh = await pricing.listPricePreferences({ id: stale.map((p) => p.id) })
        expect(fresh.map((p) => p.is_tax_inclusive)).toEqual([true, true])
      })
    })

    it("a JOD cart shows shelf prices: the 16% GST is inside the total", async () => {
      const serum = shop.variant("SKN-SER-VC-30") // 21.50 JOD
      const { cartId } = await newAmmanCart([{ ...serum, quantity: 2 }])
      const cart = (await api.get(`/api/v1/cart/${cartId}`)).data.data
      expect(cart).toMatchObject({
        currency: "JOD",
        subtotal: 43000,
        discount: 0,
        shipping: 0,
        total: 43000,
        tax: Math.round((43000 * GST) / (100 + GST)),
      })
      expect(cart.items[0]).toMatchObject({ unitPrice: 21500, totalPrice: 43000 })
    })

    it("every seeded JOD variant × every code, each cart with one Amman delivery in turn: a total in 10s, the same on /store and /api/v1", async () => {
      const variants = jodVariants()
      const sellable = variants.filter((v) => v.stock > 0)
      // Sold-out variants cannot be put in a cart at all.
      expect(variants.length - sellable.length).toBe(4)
      let checked = 0
      let rounded = 0
      const belowWelcome: string[] = []

      const check = async (index: number) => {
        const variant = sellable[index]
        // Enough units for WELCOME10's 35 JOD minimum where the line maximum and stock allow it.
        const quantity = Math.min(10, variant.stock, Math.ceil(WELCOME10_MINIMUM_FILS / variant.jodFils))
        const subtotal = variant.jodFils * quantity
        const { cartId, options } = await newAmmanCart([{ ...variant, quantity }])
        // Deliveries add whole JOD (no rounding of their own): each cart gets one, in turn, so
        // each delivery is checked across a third of the catalogue, under every code.
        const method = METHODS[index % METHODS.length]
        const shipping = options[method].price
        const delivery = await api.post(
          `/store/carts/${cartId}/shipping-methods`,
          { option_id: options[method].optionId },
          { ...storeHeaders, ...anyStatus }
        )
        expect([variant.sku, method, delivery.status]).toEqual([variant.sku, method, 200])
        // Half the carts get their codes through Medusa's /store, half through /api/v1.
        const viaStore = index % 2 === 1
        const codes: (string | null)[] = [null, "SAVE20", "FLAT5"]
        if (subtotal >= WELCOME10_MINIMUM_FILS) {
          codes.push("WELCOME10")
        } else {
          belowWelcome.push(variant.sku)
        }

        for (const code of codes) {
          if (code) {
            const applied = viaStore
              ? await api.post(`/store/carts/${cartId}/promotions`, { promo_codes: [code] }, { ...storeHeaders, ...anyStatus })
              : await api.post("/api/v1/checkout/discount", { cartId, discountCode: code }, anyStatus)
            expect([variant.sku, code, applied.status]).toEqual([variant.sku, code, 200])
          }
          const promotion = promotionFils(code, subtotal)
          const rounding = (subtotal - promotion) % 10
          const store = await api.get(`/store/carts/${cartId}`, { ...storeHeaders, ...anyStatus })
          expect([variant.sku, code, store.status]).toEqual([variant.sku, code, 200])
          const cart = (await api.get(`/api/v1/cart/${cartId}`)).data.data
          const expected = {
            subtotal,
            shipping,
            discount: promotion + rounding,
            total: subtotal - promotion - rounding + shipping,
          }
          expect([variant.sku, code, method, cart]).toEqual([variant.sku, code, method, expect.objectContaining(expected)])
          expect(cart.total % 10).toBe(0)
          expect(cart.total).toBe(cart.subtotal - cart.discount + cart.shipping)
          // Medusa's GST of the total before the rounding (a rounding credit carries none).
          const gst = ((cart.total + rounding) * GST) / (100 + GST)
          expect(Math.abs(cart.tax - gst)).toBeLessThanOrEqual(0.5 + 1e-9)
          expect(toMinorUnits(store.data.cart.total, "JOD")).toBe(cart.total)
          checked++
          rounded += rounding ? 1 : 0
          if (code) {
            const removed = viaStore
              ? await api.delete(`/store/carts/${cartId}/promotions`, {
                  ...storeHeaders,
                  ...anyStatus,
                  data: { promo_codes: [code] },
                })
              : await api.delete("/api/v1/checkout/discount", { ...anyStatus, data: { cartId } })
            expect([variant.sku, code, removed.status]).toEqual([variant.sku, code, 200])
          }
        }
      }

      // A few carts at a time: each cart's changes are sequential, as a shopper's are.
      let next = 0
      const worker = async () => {
        while (next < sellable.length) {
          await check(next++)
        }
      }
      await Promise.all([worker(), worker(), worker()])

      const combinations = sellable.length * 3 + (sellable.length - belowWelcome.length)
      expect(checked).toBe(combinations)
      // The seeded prices do make Medusa's totals fall between the 10s.
      expect(rounded).toBeGreaterThan(0)
    })

    it("completes a rounded cart into an order with the same total, and charges that total", async () => {
      const container = getContainer()
      // 26.99 + 9.90 JOD = 36.89 JOD; WELCOME10 → 33.201 JOD: rounded down by exactly 1 fils.
      const { cartId, options } = await newAmmanCart([
        { ...shop.variant("SKN-MOI-CB-100"), quantity: 1 },
        { ...shop.variant("SKN-CLN-GF-150"), quantity: 1 },
      ])
      expect((await api.post(`/store/carts/${cartId}/promotions`, { promo_codes: ["WELCOME10"] }, storeHeaders)).status).toBe(200)
      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: options.express.optionId }, storeHeaders)
      await api.post(
        `/store/carts/${cartId}/`,
        { email: "lina@example.com", shipping_address: STORE_AMMAN, billing_address: STORE_AMMAN },
        storeHeaders
      )
      const cart = (await api.get(`/api/v1/cart/${cartId}`)).data.data
      expect(cart).toMatchObject({ subtotal: 36890, discount: 3689 + 1, shipping: 10000, total: 33200 + 10000 })

      const collection = (await api.post("/store/payment-collections", { cart_id: cartId }, storeHeaders)).data
        .payment_collection
      expect(toMinorUnits(collection.amount, "JOD")).toBe(cart.total)
      await api.post(
        `/store/payment-collections/${collection.id}/payment-sessions`,
        { provider_id: "pp_system_default" },
        storeHeaders
      )
      const completed = await api.post(`/store/carts/${cartId}/complete`, {}, { ...storeHeaders, ...anyStatus })
      expect(completed.status).toBe(200)
      expect(completed.data.type).toBe("order")

      // Medusa's own answer for the order it placed.
      const order = completed.data.order
      expect(toMinorUnits(order.total, "JOD")).toBe(cart.total)
      expect(toMinorUnits(order.credit_line_total, "JOD")).toBe(1)
      expect(order.credit_lines.map((line: any) => line.reference)).toEqual([PAYABLE_ROUNDING_REFERENCE])
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [placed],
      } = await query.graph({
        entity: "order",
        fields: ["id", "payment_collections.amount"],
        filters: { id: order.id },
      })
      // What Stripe or cash on delivery collects.
      expect((placed.payment_collections ?? []).map((pc: any) => toMinorUnits(pc?.amount, "JOD"))).toEqual([cart.total])
    })

    it("keeps one rounding line as the cart changes, and none once nothing needs rounding", async () => {
      const container = getContainer()
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const roundingLines = async (cartId: string) => {
        const {
          data: [cart],
        } = await query.graph({
          entity: "cart",
          fields: ["credit_lines.reference", "credit_lines.amount"],
          filters: { id: cartId },
        })
        return (cart.credit_lines ?? []).map((line: any) => [line?.reference, toMinorUnits(line?.amount as any, "JOD")])
      }
      const cream = shop.variant("SKN-MOI-CB-100") // 26.99 JOD
      const { cartId } = await newAmmanCart([{ ...cream, quantity: 1 }])
      expect(await roundingLines(cartId)).toEqual([])

      await api.post("/api/v1/checkout/discount", { cartId, discountCode: "SAVE20" })
      // 26990 × 0.8 = 21592 fils → 21590
      expect(await roundingLines(cartId)).toEqual([[PAYABLE_ROUNDING_REFERENCE, 2]])

      const line = (await api.get(`/api/v1/cart/${cartId}`)).data.data.items[0]
      const updated = (await api.put(`/api/v1/cart/${cartId}/items/${line.id}`, { quantity: 3 })).data.data
      // 80970 × 0.8 = 64776 fils → 64770
      expect(await roundingLines(cartId)).toEqual([[PAYABLE_ROUNDING_REFERENCE, 6]])
      expect(updated).toMatchObject({ subtotal: 80970, discount: 16194 + 6, total: 64770 })

      await api.delete("/api/v1/checkout/discount", { data: { cartId } })
      expect(await roundingLines(cartId)).toEqual([])
      expect((await api.get(`/api/v1/cart/${cartId}`)).data.data).toMatchObject({ discount: 0, total: 80970 })
    })
  },
})

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import Medusa, { FetchError } from "@medusajs/js-sdk"
import { MathBN } from "@medusajs/framework/utils"
import { resolveGovernorate } from "../../src/lib/jordan"
import { shippingMethod, ShippingMethodCode } from "../../src/lib/shipping-methods"
import { SHIPPING_RULES_MODULE } from "../../src/modules/shipping-rules"
import type ShippingRulesModuleService from "../../src/modules/shipping-rules/service"
import { updateShippingRulesWorkflow } from "../../src/workflows/update-shipping-rules"
import { seedShop, SeededVariant } from "../helpers/catalogue"

jest.setTimeout(180 * 1000)

/**
 * A storefront exactly as the Next.js starter drives Medusa's /store API with
 * @medusajs/js-sdk: guest cart, address as the shopper typed it, shipping
 * options listed then calculated, the system payment provider, complete.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let sdk: Medusa
    let serum: SeededVariant // 30 ml: 29.50 USD / 21.50 JOD
    let serum50: SeededVariant // 50 ml: 42 USD / 29.90 JOD

    beforeAll(async () => {
      const shop = await seedShop(getContainer())
      serum = shop.variant("SKN-SER-VC-30")
      serum50 = shop.variant("SKN-SER-VC-50")
      sdk = new Medusa({ baseUrl: api.defaults.baseURL as string, publishableKey: shop.publishableKey })
    })

    const jordanAddress = (province: string) => ({
      first_name: "Lina",
      last_name: "Haddad",
      address_1: "Queen Rania Street 15",
      city: "Amman",
      province,
      postal_code: "11118",
      country_code: "jo",
      phone: "+962790000000",
    })
    const usAddress = {
      first_name: "Sam",
      last_name: "Lee",
      address_1: "1 Main St",
      city: "Austin",
      province: "TX",
      postal_code: "73301",
      country_code: "us",
      phone: "+15125550100",
    }

    /** The merchant's rule for a method in a governorate, straight from the shipping-rules module. */
    const ruleFor = async (governorateCode: string, method: ShippingMethodCode) => {
      const rules: ShippingRulesModuleService = getContainer().resolve(SHIPPING_RULES_MODULE)
      const [rule] = await rules.listShippingRules({ governorate: governorateCode, method })
      return { ...rule, price: MathBN.convert(rule.price).toNumber() }
    }

    const regionFor = async (currency: string) => {
      const { regions } = await sdk.store.region.list()
      const region = regions.find((r) => r.currency_code === currency)
      expect(region).toBeDefined()
      return region!
    }

    /** Region → cart → two lines → email and address: where every storefront starts checkout. */
    const cartAt = async (currency: string, address: Record<string, unknown>) => {
      const region = await regionFor(currency)
      const { cart: created } = await sdk.store.cart.create({ region_id: region.id })
      await sdk.store.cart.createLineItem(created.id, { variant_id: serum.id, quantity: 2 })
      await sdk.store.cart.createLineItem(created.id, { variant_id: serum50.id, quantity: 1 })
      const { cart } = await sdk.store.cart.update(created.id, {
        email: `shopper+${Date.now()}@example.com`,
        shipping_address: address,
        billing_address: address,
      })
      return { region, cart }
    }

    /** The options as the starter shows them: listed, the calculated ones priced one by one. */
    const pricedOptions = async (cartId: string) => {
      const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: cartId })
      return Promise.all(
        shipping_options.map(async (option) =>
          option.price_type === "calculated"
            ? (await sdk.store.fulfillment.calculate(option.id, { cart_id: cartId, data: {} })).shipping_option
            : option
        )
      )
    }

    const payAndComplete = async (cartId: string) => {
      const { cart } = await sdk.store.cart.retrieve(cartId)
      const { payment_providers } = await sdk.store.payment.listPaymentProviders({ region_id: cart.region_id! })
      expect(payment_providers.map((p) => p.id)).toContain("pp_system_default")
      await sdk.store.payment.initiatePaymentSession(cart, { provider_id: "pp_system_default" })
      const { cart: beforeCompletion } = await sdk.store.cart.retrieve(cartId)
      const completed = await sdk.store.cart.complete(cartId)
      return { beforeCompletion, completed }
    }

    const failure = async (promise: Promise<unknown>) => {
      const error = await promise.then(
        () => undefined,
        (e) => e
      )
      expect(error).toBeInstanceOf(FetchError)
      return error as FetchError
    }

    describe("Jordan: the province as the shopper types it", () => {
      it.each([
        ["Amman", "same_day"],
        ["irbid", "standard"],
        ["إربد", "express"],
      ] as [string, ShippingMethodCode][])(
        "province %p prices the options from the rules and completes an order with %s delivery",
        async (province, method) => {
          const governorate = resolveGovernorate(province)!
          const { region, cart } = await cartAt("jod", jordanAddress(province))
          expect(cart.shipping_address?.province).toBe(province)

          const options = await pricedOptions(cart.id)
          const expected = await Promise.all(
            (["standard", "express", "same_day"] as ShippingMethodCode[]).map(async (code) => [
              `${shippingMethod(code)!.name} (Jordan)`,
              (await ruleFor(governorate.code, code)).price,
            ])
          )
          expect(options.map((o) => [o.name, o.amount]).sort()).toEqual(expected.sort())

          const rule = await ruleFor(governorate.code, method)
          expect(rule.available).toBe(true)
          const option = options.find((o) => o.name === `${shippingMethod(method)!.name} (Jordan)`)!
          const { cart: withShipping } = await sdk.store.cart.addShippingMethod(cart.id, { option_id: option.id })
          expect(withShipping.shipping_methods).toHaveLength(1)
          expect(withShipping.shipping_methods![0]).toMatchObject({ shipping_option_id: option.id, amount: rule.price })
          // What the provider validated and keeps on the method (not among /store's default fields).
          const {
            data: [stored],
          } = await getContainer()
            .resolve("query")
            .graph({ entity: "cart", fields: ["shipping_methods.data"], filters: { id: cart.id } })
          expect(stored.shipping_methods.map((m: any) => m.data)).toEqual([
            { method, governorate: governorate.code, min_days: rule.min_days, max_days: rule.max_days },
          ])

          const { beforeCompletion, completed } = await payAndComplete(cart.id)
          expect(completed.type).toBe("order")
          if (completed.type !== "order") return
          const { order } = completed
          expect(order).toMatchObject({
            status: "pending",
            region_id: region.id,
            currency_code: "jod",
            email: beforeCompletion.email,
          })
          expect(order.shipping_address).toMatchObject({ country_code: "jo", province })
          expect(order.items!.map((i) => [i.variant_id, i.quantity, i.unit_price]).sort()).toEqual(
            beforeCompletion.items!.map((i) => [i.variant_id, i.quantity, i.unit_price]).sort()
          )
          expect(order.items!.map((i) => [i.variant_id, i.quantity]).sort()).toEqual(
            [
              [serum.id, 2],
              [serum50.id, 1],
            ].sort()
          )
          expect(order.shipping_methods).toHaveLength(1)
          expect(order.shipping_methods![0]).toMatchObject({
            name: `${shippingMethod(method)!.name} (Jordan)`,
            amount: rule.price,
          })
          expect(order.shipping_total).toBe(beforeCompletion.shipping_total)
          expect(order.total).toBe(beforeCompletion.total)
          expect(order.total).toBeGreaterThan(rule.price)
        }
      )

      it("follows the merchant's rules: an edited Irbid rate is what the storefront charges", async () => {
        const rules: ShippingRulesModuleService = getContainer().resolve(SHIPPING_RULES_MODULE)
        const [irbidStandard] = await rules.listShippingRules({ governorate: "JO-IR", method: "standard" })
        await updateShippingRulesWorkflow(getContainer()).run({
          input: { updates: [{ id: irbidStandard.id, price: 6.5 }] },
        })

        const { cart } = await cartAt("jod", jordanAddress("IRBID Governorate"))
        const standard = (await pricedOptions(cart.id)).find((o) => o.name === "Standard Delivery (Jordan)")!
        expect(standard.amount).toBe((await ruleFor("JO-IR", "standard")).price)
        expect(standard.amount).toBe(6.5)
        await sdk.store.cart.addShippingMethod(cart.id, { option_id: standard.id })
        const { beforeCompletion, completed } = await payAndComplete(cart.id)
        expect(completed.type).toBe("order")
        if (completed.type !== "order") return
        expect(completed.order.shipping_methods![0].amount).toBe(6.5)
        expect(completed.order.total).toBe(beforeCompletion.total)
      })

      it("refuses same day outside Amman with a clear 400, and drops it when the address moves away from Amman", async () => {
        const { cart } = await cartAt("jod", jordanAddress("irbid"))
        const sameDay = (await pricedOptions(cart.id)).find((o) => o.name === "Same Day Delivery (Jordan)")!
        const refused = await failure(sdk.store.cart.addShippingMethod(cart.id, { option_id: sameDay.id }))
        expect(refused.status).toBe(400)
        expect(refused.message).toBe("Same Day Delivery is not available in Irbid (JO-IR)")

        await sdk.store.cart.update(cart.id, { shipping_address: jordanAddress("amman") })
        const { cart: chosen } = await sdk.store.cart.addShippingMethod(cart.id, { option_id: sameDay.id })
        expect(chosen.shipping_methods!.map((m) => m.amount)).toEqual([(await ruleFor("JO-AM", "same_day")).price])

        const { cart: moved } = await sdk.store.cart.update(cart.id, { shipping_address: jordanAddress("Zarqa") })
        expect(moved.shipping_methods).toEqual([])
        const { cart: reloaded } = await sdk.store.cart.retrieve(cart.id)
        expect(reloaded.shipping_methods).toEqual([])
        expect(reloaded.shipping_total).toBe(0)
      })

      it("answers 400, not 500, for an unknown or missing province", async () => {
        const { cart } = await cartAt("jod", jordanAddress("Narnia"))
        const options = (await sdk.store.fulfillment.listCartOptions({ cart_id: cart.id })).shipping_options
        const standard = options.find((o) => o.name === "Standard Delivery (Jordan)")!

        const priced = await failure(sdk.store.fulfillment.calculate(standard.id, { cart_id: cart.id, data: {} }))
        expect(priced.status).toBe(400)
        expect(priced.message).toMatch(/^Unknown governorate "Narnia": use one of Jordan's 12 governorates/)
        const added = await failure(sdk.store.cart.addShippingMethod(cart.id, { option_id: standard.id }))
        expect(added.status).toBe(400)
        expect(added.message).toMatch(/^Unknown governorate "Narnia"/)

        const long = "x".repeat(250)
        await sdk.store.cart.update(cart.id, { shipping_address: { ...jordanAddress("Amman"), province: long } })
        const tooLong = await failure(sdk.store.fulfillment.calculate(standard.id, { cart_id: cart.id, data: {} }))
        // Either a store-wide input limit refuses the province first, or we
        // answer with at most 100 characters of it: never a 5xx, never the whole input.
        expect(tooLong.status).toBeGreaterThanOrEqual(400)
        expect(tooLong.status).toBeLessThan(500)
        expect(tooLong.message).not.toContain(long)

        await sdk.store.cart.update(cart.id, { shipping_address: { ...jordanAddress("Amman"), province: "" } })
        const missing = await failure(sdk.store.fulfillment.calculate(standard.id, { cart_id: cart.id, data: {} }))
        expect(missing.status).toBe(400)
        expect(missing.message).toBe("The shipping address needs a governorate (province) to price Jordan delivery")

        const { cart: unchanged } = await sdk.store.cart.retrieve(cart.id)
        expect(unchanged.shipping_methods).toEqual([])
      })
    })

    describe("United States", () => {
      it("completes an order with the flat standard rate", async () => {
        const { region, cart } = await cartAt("usd", usAddress)
        const options = await pricedOptions(cart.id)
        expect(options.map((o) => [o.name, o.amount]).sort()).toEqual(
          (["standard", "express"] as ShippingMethodCode[])
            .map((code) => [`${shippingMethod(code)!.name} (United States)`, shippingMethod(code)!.usdPrice])
            .sort()
        )
        const standard = options.find((o) => o.name === "Standard Delivery (United States)")!
        await sdk.store.cart.addShippingMethod(cart.id, { option_id: standard.id })

        const { beforeCompletion, completed } = await payAndComplete(cart.id)
        expect(completed.type).toBe("order")
        if (completed.type !== "order") return
        const { order } = completed
        expect(order).toMatchObject({ status: "pending", region_id: region.id, currency_code: "usd" })
        expect(order.items!.map((i) => [i.variant_id, i.quantity]).sort()).toEqual(
          [
            [serum.id, 2],
            [serum50.id, 1],
          ].sort()
        )
        expect(order.shipping_methods![0]).toMatchObject({
          name: "Standard Delivery (United States)",
          amount: shippingMethod("standard")!.usdPrice,
        })
        expect(order.total).toBe(beforeCompletion.total)
        expect(order.subtotal).toBe(beforeCompletion.subtotal)
        // US prices exclude tax: 8% is added on top.
        expect(order.tax_total).toBe(beforeCompletion.tax_total)
        expect(order.tax_total).toBeGreaterThan(0)
      })
    })
  },
})

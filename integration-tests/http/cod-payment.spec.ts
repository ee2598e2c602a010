import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import Medusa, { FetchError } from "@medusajs/js-sdk"
import { Modules } from "@medusajs/framework/utils"
import { updateRegionsWorkflow } from "@medusajs/medusa/core-flows"
import seed from "../../src/scripts/seed"
import { toMinorUnits } from "../../src/lib/money"
import { formatOrderNumber, yearInAmman } from "../../src/lib/order-number"
import { paymentStatusOf } from "../../src/lib/order-status"
import { COD_PAYMENT_PROVIDER_ID } from "../../src/scripts/seed/regions"
import { adminHeaders } from "../helpers/admin"
import { seedShop, SeededVariant } from "../helpers/catalogue"

jest.setTimeout(180 * 1000)

/**
 * Cash on delivery (pp_cod_cod) through Medusa's own /store checkout, as a
 * js-sdk storefront runs it: offered in Jordan only, the order placed with an
 * SKN number and its cash authorized, then marked collected with Admin's
 * capture route.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let sdk: Medusa
    let serum: SeededVariant // 30 ml: 21.50 JOD
    let serum50: SeededVariant // 50 ml: 29.90 JOD
    let regionIds: Record<string, string>

    beforeAll(async () => {
      const shop = await seedShop(getContainer())
      serum = shop.variant("SKN-SER-VC-30")
      serum50 = shop.variant("SKN-SER-VC-50")
      sdk = new Medusa({ baseUrl: api.defaults.baseURL as string, publishableKey: shop.publishableKey })
      const { regions } = await sdk.store.region.list()
      regionIds = Object.fromEntries(regions.map((r) => [r.currency_code, r.id]))
    })

    const jordanAddress = {
      first_name: "Lina",
      last_name: "Haddad",
      address_1: "Queen Rania Street 15",
      city: "Amman",
      province: "Amman",
      postal_code: "11118",
      country_code: "jo",
      phone: "+962790000000",
    }
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

    /** A cart ready to pay: two lines, email, address and standard delivery. */
    async function readyCart(currency: "jod" | "usd", address: Record<string, string>) {
      const { cart: created } = await sdk.store.cart.create({ region_id: regionIds[currency] })
      await sdk.store.cart.createLineItem(created.id, { variant_id: serum.id, quantity: 2 })
      await sdk.store.cart.createLineItem(created.id, { variant_id: serum50.id, quantity: 1 })
      await sdk.store.cart.update(created.id, {
        email: "cash@example.com",
        shipping_address: address,
        billing_address: address,
      })
      const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: created.id })
      const standard = shipping_options.find((o) => /standard/i.test(o.name))!
      await sdk.store.cart.addShippingMethod(created.id, { option_id: standard.id })
      return (await sdk.store.cart.retrieve(created.id)).cart
    }

    const providersOf = async (currency: string) =>
      (await sdk.store.payment.listPaymentProviders({ region_id: regionIds[currency] })).payment_providers
        .map((p) => p.id)
        .sort()

    const orderFields = [
      "id",
      "custom_display_id",
      "status",
      "payment_status",
      "total",
      "currency_code",
      "payment_collections.id",
      "payment_collections.status",
      "payment_collections.amount",
      "payment_collections.authorized_amount",
      "payment_collections.captured_amount",
      "payment_collections.payment_sessions.provider_id",
      "payment_collections.payment_sessions.status",
      "payment_collections.payments.id",
      "payment_collections.payments.provider_id",
      "payment_collections.payments.amount",
      "payment_collections.payments.captured_at",
      "payment_collections.payments.data",
    ].join(",")

    async function adminOrder(id: string) {
      const res = await api.get(`/admin/orders/${id}?fields=${orderFields}`, { headers: await adminHeaders(api) })
      expect(res.status).toBe(200)
      return res.data.order
    }

    it("offers cash on delivery in Jordan only, beside Medusa's system provider", async () => {
      expect(await providersOf("jod")).toEqual([COD_PAYMENT_PROVIDER_ID, "pp_system_default"])
      expect(await providersOf("usd")).toEqual(["pp_system_default"])
    })

    it("places a Jordan order with an SKN number and its cash authorized, then captured from Admin on delivery", async () => {
      const cart = await readyCart("jod", jordanAddress)
      // 2 x 21.50 + 29.90 + 5 standard delivery, GST included.
      expect(cart.total).toBe(77.9)
      expect(toMinorUnits(cart.total, "jod") % 10).toBe(0)

      const { payment_collection } = await sdk.store.payment.initiatePaymentSession(cart, {
        provider_id: COD_PAYMENT_PROVIDER_ID,
      })
      expect(payment_collection.amount).toBe(77.9)
      expect(payment_collection.payment_sessions!.map((s) => [s.provider_id, s.status, s.amount])).toEqual([
        [COD_PAYMENT_PROVIDER_ID, "pending", 77.9],
      ])
      expect(payment_collection.payment_sessions![0].data).toMatchObject({
        status: "pending",
        currency_code: "jod",
        amount_minor: 77900,
      })

      const completed = await sdk.store.cart.complete(cart.id)
      expect(completed.type).toBe("order")
      if (completed.type !== "order") return
      expect(completed.order.total).toBe(cart.total)

      const placed = await adminOrder(completed.order.id)
      expect(placed).toMatchObject({
        custom_display_id: formatOrderNumber(yearInAmman(), 1),
        status: "pending",
        payment_status: "authorized",
        total: 77.9,
        currency_code: "jod",
      })
      expect(placed.payment_collections).toHaveLength(1)
      const [collection] = placed.payment_collections
      expect(collection).toMatchObject({ status: "authorized", amount: 77.9, authorized_amount: 77.9, captured_amount: 0 })
      expect(collection.payment_sessions.map((s: any) => [s.provider_id, s.status])).toEqual([
        [COD_PAYMENT_PROVIDER_ID, "authorized"],
      ])
      expect(collection.payments).toHaveLength(1)
      const [payment] = collection.payments
      expect(payment).toMatchObject({ provider_id: COD_PAYMENT_PROVIDER_ID, amount: 77.9, captured_at: null })
      expect(payment.data).toMatchObject({ status: "authorized", amount_minor: 77900 })

      // The contract's view before delivery: cash still to collect.
      const before = await api.get(`/api/v1/orders/${placed.id}`)
      expect(before.status).toBe(200)
      expect(before.data.data).toMatchObject({
        orderNumber: placed.custom_display_id,
        status: "pending",
        paymentStatus: "pending",
        paymentMethod: "cash_on_delivery",
        total: 77900,
        currency: "JOD",
      })

      // The courier brings the cash back: the merchant presses Capture in Admin.
      const captured = await api.post(`/admin/payments/${payment.id}/capture`, {}, { headers: await adminHeaders(api) })
      expect(captured.status).toBe(200)
      expect(captured.data.payment.id).toBe(payment.id)
      expect(captured.data.payment.captured_at).toEqual(expect.any(String))

      const paid = await adminOrder(placed.id)
      expect(paid.payment_status).toBe("captured")
      expect(paid.payment_collections[0]).toMatchObject({
        status: "completed",
        amount: 77.9,
        authorized_amount: 77.9,
        captured_amount: 77.9,
      })
      expect(paid.payment_collections[0].payments[0].data).toMatchObject({
        status: "captured",
        amount_minor: 77900,
        captured_at: expect.any(String),
      })
      // Medusa's state after capture is what the contract reads as paid (DESIGN.md table).
      expect(
        paymentStatusOf({ status: paid.status, payment_status: paid.payment_status, payment_method: "cash_on_delivery" })
      ).toBe("paid")
      const after = await api.get(`/api/v1/orders/${placed.id}`)
      expect(after.status).toBe(200)
      expect(after.data.data).toMatchObject({
        orderNumber: placed.custom_display_id,
        paymentStatus: "paid",
        paymentMethod: "cash_on_delivery",
        total: 77900,
      })

      // A second press of Capture (a double click, a retry) changes nothing.
      const again = await api.post(`/admin/payments/${payment.id}/capture`, {}, {
        headers: await adminHeaders(api),
        validateStatus: () => true,
      })
      expect(again.status).toBe(200)
      expect(again.data.payment.captured_at).toBe(captured.data.payment.captured_at)
      const still = await adminOrder(placed.id)
      expect(still.payment_collections[0]).toMatchObject({ status: "completed", captured_amount: 77.9 })
      expect(still.payment_collections[0].payments[0].data).toEqual(paid.payment_collections[0].payments[0].data)
    })

    it("refuses a cash on delivery session for a US cart with a 400, and the cart still pays otherwise", async () => {
      const cart = await readyCart("usd", usAddress)
      const error = await sdk.store.payment
        .initiatePaymentSession(cart, { provider_id: COD_PAYMENT_PROVIDER_ID })
        .then(
          () => undefined,
          (e) => e
        )
      expect(error).toBeInstanceOf(FetchError)
      expect((error as FetchError).status).toBe(400)
      expect((error as FetchError).message).toBe(
        `Payment provider ${COD_PAYMENT_PROVIDER_ID} is not enabled in the cart's region ${regionIds.usd}.`
      )
      const { payment_collection } = await sdk.store.payment.initiatePaymentSession(cart, {
        provider_id: "pp_system_default",
      })
      expect(payment_collection.payment_sessions!.map((s) => s.provider_id)).toEqual(["pp_system_default"])
    })

    it("cancelling an unpaid cash order in Admin cancels its cash to collect", async () => {
      const cart = await readyCart("jod", jordanAddress)
      await sdk.store.payment.initiatePaymentSession(cart, { provider_id: COD_PAYMENT_PROVIDER_ID })
      const completed = await sdk.store.cart.complete(cart.id)
      if (completed.type !== "order") throw new Error("no order")
      const canceled = await api.post(`/admin/orders/${completed.order.id}/cancel`, {}, { headers: await adminHeaders(api) })
      expect(canceled.status).toBe(200)
      const order = await adminOrder(completed.order.id)
      expect(order.status).toBe("canceled")
      expect(order.payment_status).toBe("canceled")
      expect(order.payment_collections[0].payments[0].data).toMatchObject({
        status: "canceled",
        canceled_at: expect.any(String),
      })
    })

    it("a re-seed gives an older database's Jordan region cash on delivery, and keeps the US without it", async () => {
      const container = getContainer()
      await updateRegionsWorkflow(container).run({
        input: { selector: { id: regionIds.jod }, update: { payment_providers: ["pp_system_default"] } },
      })
      expect(await providersOf("jod")).toEqual(["pp_system_default"])
      await seed({ container, args: [] } as any)
      expect(await providersOf("jod")).toEqual([COD_PAYMENT_PROVIDER_ID, "pp_system_default"])
      expect(await providersOf("usd")).toEqual(["pp_system_default"])
      // And once more: nothing changes.
      await seed({ container, args: [] } as any)
      expect(await providersOf("jod")).toEqual([COD_PAYMENT_PROVIDER_ID, "pp_system_default"])
      const regions = await container.resolve(Modules.REGION).listRegions({})
      expect(regions.map((r) => r.name).sort()).toEqual(["Jordan", "United States"])
    })
  },
})

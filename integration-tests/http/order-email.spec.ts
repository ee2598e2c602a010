import { mkdtempSync } from "node:fs"
import { readdir, readFile } from "node:fs/promises"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import Medusa from "@medusajs/js-sdk"
import { Modules } from "@medusajs/framework/utils"
import type { INotificationModuleService } from "@medusajs/framework/types"
import { estimatedDelivery } from "../../src/lib/business-days"
import orderPlacedConfirmation from "../../src/subscribers/order-placed-confirmation"
import { sendOrderConfirmationWorkflow } from "../../src/workflows/send-order-confirmation"
import { eventually } from "../helpers/eventually"
import { seedShop, SeededVariant } from "../helpers/catalogue"

jest.setTimeout(180 * 1000)

// The local email provider writes here (medusa-config.ts reads LOCAL_EMAIL_DIR).
// Set before the runner loads the config: its `env` option is applied too late for that.
const EMAIL_DIR = mkdtempSync(path.join(os.tmpdir(), "skinior-order-email-"))
process.env.LOCAL_EMAIL_DIR = EMAIL_DIR

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The order confirmation email: a /store checkout places the order, the
 * `order.placed` subscriber sends the email through Medusa's notification
 * module, and our local provider writes it as an HTML file. One file per
 * order, however often the event arrives.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: { LOCAL_EMAIL_DIR: EMAIL_DIR },
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

    /** A /store checkout with Medusa's system payment provider; the placed order. */
    async function placeOrder(currency: "jod" | "usd", address: Record<string, string>, method: RegExp, email: string) {
      const { regions } = await sdk.store.region.list()
      const region = regions.find((r) => r.currency_code === currency)!
      const { cart: created } = await sdk.store.cart.create({ region_id: region.id })
      await sdk.store.cart.createLineItem(created.id, { variant_id: serum.id, quantity: 2 })
      await sdk.store.cart.createLineItem(created.id, { variant_id: serum50.id, quantity: 1 })
      await sdk.store.cart.update(created.id, { email, shipping_address: address, billing_address: address })
      const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: created.id })
      const option = shipping_options.find((o) => method.test(o.name))!
      await sdk.store.cart.addShippingMethod(created.id, { option_id: option.id })
      const { cart } = await sdk.store.cart.retrieve(created.id)
      await sdk.store.payment.initiatePaymentSession(cart, { provider_id: "pp_system_default" })
      const completed = await sdk.store.cart.complete(cart.id)
      expect(completed.type).toBe("order")
      if (completed.type !== "order") throw new Error("no order")
      const query = getContainer().resolve("query")
      const {
        data: [order],
      } = await query.graph({
        entity: "order",
        fields: ["id", "custom_display_id", "created_at", "total", "tax_total"],
        filters: { id: completed.order.id },
      })
      return order
    }

    /** The HTML files in the email folder, read. */
    async function emails() {
      const files = (await readdir(EMAIL_DIR)).filter((f) => f.endsWith(".html")).sort()
      return Promise.all(
        files.map(async (file) => ({ file: path.join(EMAIL_DIR, file), html: await readFile(path.join(EMAIL_DIR, file), "utf8") }))
      )
    }

    /** The emails written since `before`, waited for: exactly one, the order's. */
    async function theNewEmail(before: string[]) {
      return eventually(async () => {
        const added = (await emails()).filter((e) => !before.includes(e.file))
        expect(added).toHaveLength(1)
        return added[0]
      })
    }

    const notificationsFor = (orderId: string) =>
      getContainer()
        .resolve<INotificationModuleService>(Modules.NOTIFICATION)
        .listNotifications({ resource_id: orderId })

    const englishDate = (date: string) =>
      new Intl.DateTimeFormat("en-GB", {
        timeZone: "UTC",
        weekday: "long",
        day: "numeric",
        month: "long",
        year: "numeric",
      }).format(new Date(`${date}T12:00:00Z`))

    it("a Jordan order: one email in Arabic (RTL) then English, SKN number, JOD totals with 3 decimals, delivery date; sent once", async () => {
      const before = (await emails()).map((e) => e.file)
      const order = await placeOrder("jod", jordanAddress, /standard/i, "lina@example.com")
      expect(order.custom_display_id).toMatch(/^SKN-\d{4}-\d{6}$/)
      // 2 x 21.50 + 29.90 + 5 standard delivery, the 16% GST inside.
      expect(Number(order.total)).toBe(77.9)

      const { file, html } = await theNewEmail(before)
      // Standard in Amman: 3 business days (the rule the provider copied into the method).
      const delivery = estimatedDelivery(order.created_at, 3)

      expect(html.startsWith('<!doctype html><html lang="ar" dir="rtl">')).toBe(true)
      expect(html).toContain(`<title>تم تأكيد طلبك ${order.custom_display_id} من Skinior</title>`)
      expect(html.indexOf('<section lang="ar" dir="rtl"')).toBeGreaterThan(0)
      expect(html.indexOf('<section lang="en" dir="ltr"')).toBeGreaterThan(html.indexOf('<section lang="ar"'))
      expect(html).toContain("شكراً لطلبك يا Lina!")
      expect(html).toContain(`Order number: <strong><bdi dir="ltr">${order.custom_display_id}</bdi></strong>`)
      expect(html).toContain('<tr><td>Vitamin C Brightening Serum (30ml)</td><td>2</td><td><bdi dir="ltr">43.000 JOD</bdi></td></tr>')
      expect(html).toContain('<tr><td>Vitamin C Brightening Serum (50ml)</td><td>1</td><td><bdi dir="ltr">29.900 JOD</bdi></td></tr>')
      expect(html).toContain('<td colspan="2">Subtotal</td><td><bdi dir="ltr">72.900 JOD</bdi>')
      expect(html).toContain('<td colspan="2">Delivery</td><td><bdi dir="ltr">5.000 JOD</bdi>')
      expect(html).toContain('<td colspan="2">Includes tax</td><td><bdi dir="ltr">10.745 JOD</bdi>')
      expect(html).toContain('<th colspan="2">Total</th><th><bdi dir="ltr">77.900 JOD</bdi>')
      expect(html).toContain('<th colspan="2">الإجمالي</th><th><bdi dir="ltr">77.900 JOD</bdi>')
      expect(html).toContain(
        `Estimated delivery: <strong><time datetime="${delivery}">${englishDate(delivery)}</time></strong> (Standard Delivery)`
      )
      expect(html).toContain(`<time datetime="${delivery}">`)
      expect(html).toContain("(التوصيل العادي)")

      const [notification] = await notificationsFor(order.id)
      expect(notification).toMatchObject({
        to: "lina@example.com",
        channel: "email",
        template: "order-confirmation",
        idempotency_key: `order-confirmation:${order.id}`,
        status: "success",
        provider_id: "local-email",
        // The provider's answer: the file it wrote.
        external_id: file,
      })

      // The same order placed again, three ways: the subscriber itself, the workflow, the event.
      await orderPlacedConfirmation({
        event: { name: "order.placed", data: { id: order.id } },
        container: getContainer(),
      } as any)
      const { result } = await sendOrderConfirmationWorkflow(getContainer()).run({ input: { order_id: order.id } })
      expect(result).toEqual({ sent: 0 })
      await getContainer().resolve(Modules.EVENT_BUS).emit({ name: "order.placed", data: { id: order.id } })
      await sleep(1500)

      expect((await emails()).filter((e) => !before.includes(e.file)).map((e) => e.file)).toEqual([file])
      expect(await notificationsFor(order.id)).toHaveLength(1)
    })

    it("a US order: English only, left-to-right, USD with 2 decimals and tax added, express delivery date", async () => {
      const before = (await emails()).map((e) => e.file)
      const order = await placeOrder("usd", usAddress, /express/i, "sam@example.com")
      const { file, html } = await theNewEmail(before)
      // 2 x 29.50 + 42 + 10 express delivery, then 8% tax on top: 111 + 8.88.
      expect(Number(order.total)).toBe(119.88)
      // Express: 1 business day, from the US option's data.
      const delivery = estimatedDelivery(order.created_at, 1)

      expect(html.startsWith('<!doctype html><html lang="en" dir="ltr">')).toBe(true)
      expect(html).not.toContain('lang="ar"')
      expect(html).toContain(`<title>Your Skinior order ${order.custom_display_id} is confirmed</title>`)
      expect(html).toContain("Thank you for your order, Sam!")
      expect(html).toContain('<tr><td>Vitamin C Brightening Serum (30ml)</td><td>2</td><td><bdi dir="ltr">59.00 USD</bdi></td></tr>')
      expect(html).toContain('<tr><td>Vitamin C Brightening Serum (50ml)</td><td>1</td><td><bdi dir="ltr">42.00 USD</bdi></td></tr>')
      expect(html).toContain('<td colspan="2">Subtotal</td><td><bdi dir="ltr">101.00 USD</bdi>')
      expect(html).toContain('<td colspan="2">Delivery</td><td><bdi dir="ltr">10.00 USD</bdi>')
      expect(html).toContain(`<td colspan="2">Tax</td><td><bdi dir="ltr">8.88 USD</bdi>`)
      expect(html).toContain(`<th colspan="2">Total</th><th><bdi dir="ltr">119.88 USD</bdi>`)
      expect(html).toContain(
        `Estimated delivery: <strong><time datetime="${delivery}">${englishDate(delivery)}</time></strong> (Express Delivery)`
      )
      expect((await notificationsFor(order.id)).map((n) => n.external_id)).toEqual([file])
    })
  },
})

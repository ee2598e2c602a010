import {
  emailLanguages,
  orderConfirmationData,
  orderConfirmationKey,
  orderConfirmationNotification,
  OrderEmailRecord,
} from "../email-order"
import {
  escapeHtml,
  formatDate,
  formatMoney,
  OrderConfirmationEmail,
  orderConfirmationHtml,
  orderConfirmationSubject,
} from "../email-templates"

const email = (over: Partial<OrderConfirmationEmail> = {}): OrderConfirmationEmail => ({
  orderNumber: "SKN-2026-000042",
  customerName: "Lina",
  currency: "JOD",
  items: [
    { title: "Vitamin C Serum", variant: "30 ml", quantity: 2, total: 43000 },
    { title: "Vitamin C Serum", variant: "50 ml", quantity: 1, total: 29900 },
  ],
  subtotal: 72900,
  discount: 0,
  shipping: 5000,
  tax: 10745,
  total: 77900,
  taxIncluded: true,
  shippingMethodCode: "standard",
  shippingMethodName: "Standard Delivery",
  estimatedDelivery: "2026-12-01",
  languages: ["en"],
  ...over,
})

/** The text of one language's section. */
const section = (html: string, language: string) => {
  const match = html.match(new RegExp(`<section lang="${language}"[^>]*>([\\s\\S]*?)</section>`))
  if (!match) throw new Error(`no ${language} section`)
  return match[0]
}

describe("escapeHtml", () => {
  it("escapes the five HTML metacharacters and leaves the rest", () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&amp;</a> سيروم`)).toBe(
      "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt; سيروم"
    )
    expect(escapeHtml(null)).toBe("")
    expect(escapeHtml(3)).toBe("3")
  })
})

describe("formatMoney", () => {
  it.each([
    [77900, "JOD", "77.900 JOD"],
    [5, "jod", "0.005 JOD"],
    [1234500, "JOD", "1,234.500 JOD"],
    [7790, "USD", "77.90 USD"],
    [5, "USD", "0.05 USD"],
    [0, "USD", "0.00 USD"],
    [-500, "USD", "-5.00 USD"],
    [123456789, "USD", "1,234,567.89 USD"],
    [1500, "JPY", "1,500 JPY"],
  ])("%d %s → %s", (minor, currency, expected) => {
    expect(formatMoney(minor, currency)).toBe(expected)
  })

  it("refuses an unknown currency", () => {
    expect(() => formatMoney(100, "XYZ")).toThrow('Unknown currency "XYZ"')
  })
})

describe("formatDate", () => {
  it("names the day in English and in Arabic with Latin digits", () => {
    expect(formatDate("2026-12-01", "en")).toBe("Tuesday, 1 December 2026")
    const ar = formatDate("2026-12-01", "ar")
    expect(ar).toContain("الثلاثاء")
    expect(ar).toContain("2026")
    expect(ar).not.toMatch(/[٠-٩]/)
  })
})

describe("orderConfirmationHtml", () => {
  it("English: number, lines, totals with 3 JOD decimals, delivery date and method", () => {
    const html = orderConfirmationHtml(email())
    expect(html.startsWith('<!doctype html><html lang="en" dir="ltr">')).toBe(true)
    expect(html).toContain("<title>Your Skinior order SKN-2026-000042 is confirmed</title>")
    expect(html).toContain("Thank you for your order, Lina!")
    expect(html).toContain('Order number: <strong><bdi dir="ltr">SKN-2026-000042</bdi></strong>')
    expect(html).toContain('<tr><td>Vitamin C Serum (30 ml)</td><td>2</td><td><bdi dir="ltr">43.000 JOD</bdi></td></tr>')
    expect(html).toContain('<tr><td colspan="2">Subtotal</td><td><bdi dir="ltr">72.900 JOD</bdi></td></tr>')
    expect(html).toContain('<tr><td colspan="2">Delivery</td><td><bdi dir="ltr">5.000 JOD</bdi></td></tr>')
    expect(html).toContain('<tr><td colspan="2">Includes tax</td><td><bdi dir="ltr">10.745 JOD</bdi></td></tr>')
    expect(html).toContain('<tr><th colspan="2">Total</th><th><bdi dir="ltr">77.900 JOD</bdi></th></tr>')
    // No discount: no discount row.
    expect(html).not.toContain("Discount")
    expect(html).toContain(
      'Estimated delivery: <strong><time datetime="2026-12-01">Tuesday, 1 December 2026</time></strong> (Standard Delivery)'
    )
    expect(html).not.toContain('lang="ar"')
  })

  it("USD: 2 decimals, tax added, the discount shown negative", () => {
    const html = orderConfirmationHtml(
      email({ currency: "USD", subtotal: 5140, discount: 500, shipping: 500, tax: 371, total: 5511, taxIncluded: false })
    )
    expect(html).toContain('<td colspan="2">Subtotal</td><td><bdi dir="ltr">51.40 USD</bdi>')
    expect(html).toContain('<td colspan="2">Discount</td><td><bdi dir="ltr">-5.00 USD</bdi>')
    expect(html).toContain('<td colspan="2">Tax</td><td><bdi dir="ltr">3.71 USD</bdi>')
    expect(html).toContain('<th colspan="2">Total</th><th><bdi dir="ltr">55.11 USD</bdi>')
  })

  it("Arabic first: the page and its section right-to-left, English below left-to-right", () => {
    const html = orderConfirmationHtml(email({ languages: ["ar", "en"] }))
    expect(html.startsWith('<!doctype html><html lang="ar" dir="rtl">')).toBe(true)
    expect(html).toContain(`<title>${orderConfirmationSubject(email({ languages: ["ar"] }))}</title>`)
    expect(html.indexOf('<section lang="ar"')).toBeLessThan(html.indexOf('<section lang="en"'))
    const ar = section(html, "ar")
    expect(ar).toMatch(/^<section lang="ar" dir="rtl" style="text-align:right">/)
    expect(ar).toContain("شكراً لطلبك يا Lina!")
    expect(ar).toContain('رقم الطلب: <strong><bdi dir="ltr">SKN-2026-000042</bdi></strong>')
    expect(ar).toContain('<th colspan="2">الإجمالي</th><th><bdi dir="ltr">77.900 JOD</bdi></th>')
    expect(ar).toContain('<time datetime="2026-12-01">')
    expect(ar).toContain("(التوصيل العادي)")
    expect(section(html, "en")).toMatch(/^<section lang="en" dir="ltr" style="text-align:left">/)
  })

  it("escapes every shop or shopper text: names, titles, variants, order number", () => {
    const html = orderConfirmationHtml(
      email({
        customerName: `<script>alert("x")</script>`,
        orderNumber: `SKN<1>`,
        items: [{ title: `Serum & "Co" <b>`, variant: `<i>30'ml</i>`, quantity: 1, total: 1000 }],
        shippingMethodCode: null,
        shippingMethodName: `<img src=x onerror=y>`,
        languages: ["ar", "en"],
      })
    )
    expect(html).not.toContain("<script>")
    expect(html).not.toContain("<b>")
    expect(html).not.toContain("<i>")
    expect(html).not.toContain("<img")
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;")
    expect(html).toContain("<td>Serum &amp; &quot;Co&quot; &lt;b&gt; (&lt;i&gt;30&#39;ml&lt;/i&gt;)</td>")
    expect(html).toContain("SKN&lt;1&gt;")
    expect(html).toContain("(&lt;img src=x onerror=y&gt;)")
  })

  it("leaves the delivery line out when the order has no delivery method", () => {
    const html = orderConfirmationHtml(email({ estimatedDelivery: null, languages: ["ar", "en"] }))
    expect(html).not.toContain("Estimated delivery")
    expect(html).not.toContain("موعد التوصيل")
  })
})

describe("emailLanguages", () => {
  const base = { currency_code: "jod", shipping_address: { country_code: "jo" } }
  it.each([
    [{}, ["ar", "en"]],
    [{ locale: "en-US" }, ["en"]],
    [{ locale: "ar-JO" }, ["ar"]],
    [{ metadata: { locale: "en" } }, ["en"]],
    [{ customer: { metadata: { locale: "ar" } }, currency_code: "usd", shipping_address: { country_code: "us" } }, ["ar"]],
    [{ currency_code: "usd", shipping_address: { country_code: "us" } }, ["en"]],
    [{ currency_code: "usd", shipping_address: { country_code: "jo" } }, ["ar", "en"]],
  ])("%j → %j", (over, expected) => {
    expect(emailLanguages({ ...base, ...over } as OrderEmailRecord)).toEqual(expected)
  })
})

describe("orderConfirmationNotification", () => {
  const order: OrderEmailRecord = {
    id: "order_1",
    custom_display_id: "SKN-2026-000007",
    email: "lina@example.com",
    currency_code: "jod",
    // Thursday in Amman: + 3 business days skips Friday and Saturday.
    created_at: "2026-11-26T10:00:00Z",
    customer_id: "cus_1",
    original_item_total: 72.9,
    discount_total: 0,
    credit_line_total: 0,
    original_shipping_total: 5,
    tax_total: 10.744827586,
    total: 77.9,
    items: [
      { product_title: "Vitamin C Serum", variant_title: "50 ml", quantity: 1, unit_price: 29.9, original_total: 29.9, created_at: "2026-11-26T09:01:00Z" },
      { product_title: "Vitamin C Serum", variant_title: "30 ml", quantity: 2, unit_price: 21.5, original_total: 43, created_at: "2026-11-26T09:00:00Z" },
    ],
    shipping_address: { first_name: "Lina", country_code: "jo" },
    shipping_methods: [
      { name: "Standard Delivery (Jordan)", data: { method: "standard", governorate: "JO-AM", min_days: 3, max_days: 5 } },
    ],
  }

  it("reads the order as the shopper pays it and keys the email on the order", () => {
    expect(orderConfirmationData(order)).toEqual({
      orderNumber: "SKN-2026-000007",
      customerName: "Lina",
      currency: "JOD",
      items: [
        { title: "Vitamin C Serum", variant: "30 ml", quantity: 2, total: 43000 },
        { title: "Vitamin C Serum", variant: "50 ml", quantity: 1, total: 29900 },
      ],
      subtotal: 72900,
      discount: 0,
      shipping: 5000,
      tax: 10745,
      total: 77900,
      taxIncluded: true,
      shippingMethodCode: "standard",
      shippingMethodName: "Standard Delivery",
      estimatedDelivery: "2026-12-01",
      languages: ["ar", "en"],
    })
    const notification = orderConfirmationNotification(order)!
    expect(notification).toMatchObject({
      to: "lina@example.com",
      channel: "email",
      template: "order-confirmation",
      idempotency_key: "order-confirmation:order_1",
      resource_id: "order_1",
      resource_type: "order",
      receiver_id: "cus_1",
      data: { order_id: "order_1", order_number: "SKN-2026-000007", languages: ["ar", "en"] },
    })
    expect(notification.idempotency_key).toBe(orderConfirmationKey("order_1"))
    expect(notification.content!.html).toBe(orderConfirmationHtml(orderConfirmationData(order)))
  })

  it("takes the days from the option's data when the method has none, and skips holidays", () => {
    const us: OrderEmailRecord = {
      ...order,
      currency_code: "usd",
      shipping_methods: [{ name: "Express Delivery (United States)", data: {}, shipping_option: { data: { method: "express", min_days: 1 } } }],
    }
    expect(orderConfirmationData(us).estimatedDelivery).toBe("2026-11-29")
    expect(orderConfirmationData(us, ["2026-11-29"]).estimatedDelivery).toBe("2026-11-30")
    expect(orderConfirmationData(us).shippingMethodName).toBe("Express Delivery")
  })

  it("sends nothing to an order without an email", () => {
    expect(orderConfirmationNotification({ ...order, email: null })).toBeNull()
    expect(orderConfirmationNotification({ ...order, email: "  " })).toBeNull()
  })
})

import { currencyExponent } from "./money"

/**
 * Email templates: small functions from plain data to HTML. Every text that
 * comes from the shop or the shopper (names, titles, numbers) goes through
 * escapeHtml; only the fixed markup below is written raw.
 */

export type EmailLanguage = "en" | "ar"

export type OrderConfirmationLine = {
  title: string
  variant: string | null
  quantity: number
  /** Line total in the currency's minor units, as the shopper pays it. */
  total: number
}

export type OrderConfirmationEmail = {
  orderNumber: string
  customerName: string | null
  /** ISO 4217, upper case. */
  currency: string
  items: OrderConfirmationLine[]
  /** Minor units (fils, cents), the /api/v1 order's totals. */
  subtotal: number
  discount: number
  shipping: number
  tax: number
  total: number
  /** Shelf prices contain the tax (JOD): the tax line reads "includes". */
  taxIncluded: boolean
  /** src/lib/shipping-methods.ts code, for the method's Arabic name. */
  shippingMethodCode: string | null
  shippingMethodName: string | null
  /** YYYY-MM-DD in Asia/Amman, or null when the order has no delivery method. */
  estimatedDelivery: string | null
  /** The languages shown, first one on top; Arabic sections are right-to-left. */
  languages: EmailLanguage[]
}

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
}

export function escapeHtml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (c) => HTML_ESCAPES[c])
}

/**
 * Minor units → "1,234.500 JOD", "77.90 USD": the currency's own number of
 * decimals (src/lib/money.ts), Latin digits in both languages (as Jordanian
 * receipts print them), the ISO code rather than a symbol nobody can misread.
 */
export function formatMoney(minor: number, currency: string): string {
  const exponent = currencyExponent(currency)
  const digits = String(Math.abs(Math.trunc(minor))).padStart(exponent + 1, "0")
  const whole = digits.slice(0, digits.length - exponent).replace(/\B(?=(\d{3})+(?!\d))/g, ",")
  const fraction = exponent ? `.${digits.slice(digits.length - exponent)}` : ""
  return `${minor < 0 ? "-" : ""}${whole}${fraction} ${currency.toUpperCase()}`
}

/** "Monday, 30 November 2026" / "الاثنين، 30 تشرين الثاني 2026" for a YYYY-MM-DD date. */
export function formatDate(date: string, language: EmailLanguage): string {
  // Noon UTC on that date: the formatter's own time zone cannot move it a day.
  const at = new Date(`${date}T12:00:00Z`)
  const locale = language === "ar" ? "ar-JO-u-nu-latn" : "en-GB"
  return new Intl.DateTimeFormat(locale, {
    timeZone: "UTC",
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(at)
}

const TEXT = {
  en: {
    subject: (n: string) => `Your Skinior order ${n} is confirmed`,
    greeting: (name: string | null) => (name ? `Thank you for your order, ${name}!` : "Thank you for your order!"),
    placed: "We have received your order and are preparing it.",
    orderNumber: "Order number",
    item: "Item",
    quantity: "Qty",
    price: "Price",
    subtotal: "Subtotal",
    discount: "Discount",
    shipping: "Delivery",
    tax: "Tax",
    taxIncluded: "Includes tax",
    total: "Total",
    delivery: "Estimated delivery",
    methods: {} as Record<string, string>,
  },
  ar: {
    subject: (n: string) => `تم تأكيد طلبك ${n} من Skinior`,
    greeting: (name: string | null) => (name ? `شكراً لطلبك يا ${name}!` : "شكراً لطلبك!"),
    placed: "استلمنا طلبك ونقوم بتجهيزه.",
    orderNumber: "رقم الطلب",
    item: "المنتج",
    quantity: "الكمية",
    price: "السعر",
    subtotal: "المجموع الفرعي",
    discount: "الخصم",
    shipping: "التوصيل",
    tax: "الضريبة",
    taxIncluded: "شامل الضريبة",
    total: "الإجمالي",
    delivery: "موعد التوصيل المتوقع",
    methods: {
      standard: "التوصيل العادي",
      express: "التوصيل السريع",
      same_day: "التوصيل في نفس اليوم",
    } as Record<string, string>,
  },
} as const

/** An amount inside Arabic text: kept left-to-right so "77.900 JOD" is not reordered. */
const amount = (minor: number, currency: string) => `<bdi dir="ltr">${escapeHtml(formatMoney(minor, currency))}</bdi>`

function itemRows(email: OrderConfirmationEmail) {
  return email.items
    .map((line) => {
      const name = line.variant ? `${line.title} (${line.variant})` : line.title
      return (
        `<tr><td>${escapeHtml(name)}</td><td>${escapeHtml(line.quantity)}</td>` +
        `<td>${amount(line.total, email.currency)}</td></tr>`
      )
    })
    .join("")
}

function totalRows(email: OrderConfirmationEmail, language: EmailLanguage) {
  const t = TEXT[language]
  const row = (label: string, minor: number, strong = false) =>
    strong
      ? `<tr><th colspan="2">${label}</th><th>${amount(minor, email.currency)}</th></tr>`
      : `<tr><td colspan="2">${label}</td><td>${amount(minor, email.currency)}</td></tr>`
  return [
    row(t.subtotal, email.subtotal),
    email.discount ? row(t.discount, -email.discount) : "",
    row(t.shipping, email.shipping),
    row(email.taxIncluded ? t.taxIncluded : t.tax, email.tax),
    row(t.total, email.total, true),
  ].join("")
}

function deliveryLine(email: OrderConfirmationEmail, language: EmailLanguage) {
  if (!email.estimatedDelivery) return ""
  const t = TEXT[language]
  const method =
    (email.shippingMethodCode && t.methods[email.shippingMethodCode]) || email.shippingMethodName || null
  return (
    `<p>${t.delivery}: <strong><time datetime="${escapeHtml(email.estimatedDelivery)}">` +
    `${escapeHtml(formatDate(email.estimatedDelivery, language))}</time></strong>` +
    `${method ? ` (${escapeHtml(method)})` : ""}</p>`
  )
}

/** One language's part of the email, with its own direction. */
export function orderConfirmationSection(email: OrderConfirmationEmail, language: EmailLanguage): string {
  const t = TEXT[language]
  const dir = language === "ar" ? "rtl" : "ltr"
  const align = language === "ar" ? "right" : "left"
  return (
    `<section lang="${language}" dir="${dir}" style="text-align:${align}">` +
    `<h1>${escapeHtml(t.greeting(email.customerName))}</h1>` +
    `<p>${t.placed}</p>` +
    `<p>${t.orderNumber}: <strong><bdi dir="ltr">${escapeHtml(email.orderNumber)}</bdi></strong></p>` +
    `<table style="width:100%;border-collapse:collapse;text-align:${align}">` +
    `<thead><tr><th>${t.item}</th><th>${t.quantity}</th><th>${t.price}</th></tr></thead>` +
    `<tbody>${itemRows(email)}</tbody>` +
    `<tfoot>${totalRows(email, language)}</tfoot>` +
    `</table>` +
    deliveryLine(email, language) +
    `</section>`
  )
}

export function orderConfirmationSubject(email: OrderConfirmationEmail): string {
  return TEXT[email.languages[0] ?? "en"].subject(email.orderNumber)
}

/** The whole email: the sections in the shopper's order of languages, the page's direction from the first. */
export function orderConfirmationHtml(email: OrderConfirmationEmail): string {
  const languages = email.languages.length ? email.languages : (["en"] as EmailLanguage[])
  const first = languages[0]
  return (
    `<!doctype html>` +
    `<html lang="${first}" dir="${first === "ar" ? "rtl" : "ltr"}">` +
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${escapeHtml(orderConfirmationSubject({ ...email, languages }))}</title></head>` +
    `<body style="font-family:Arial,Tahoma,sans-serif;max-width:640px;margin:0 auto">` +
    languages.map((language) => orderConfirmationSection(email, language)).join("<hr>") +
    `</body></html>`
  )
}

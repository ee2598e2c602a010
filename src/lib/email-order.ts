import type { BigNumberInput, CreateNotificationDTO } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { estimatedDelivery } from "./business-days"
import {
  EmailLanguage,
  OrderConfirmationEmail,
  orderConfirmationHtml,
  orderConfirmationSubject,
} from "./email-templates"
import { isTaxInclusiveCurrency, toMinorUnits } from "./money"
import { deliveryOf } from "./shipping-methods"
import { MedusaTotals, payableTotals, TOTAL_FIELDS } from "./totals"

/** The Query fields orderConfirmationEmail reads from an order. */
export const ORDER_EMAIL_FIELDS = [
  "id",
  "custom_display_id",
  "display_id",
  "email",
  "locale",
  "created_at",
  "metadata",
  "customer_id",
  "customer.metadata",
  ...TOTAL_FIELDS,
  "items.product_title",
  "items.variant_title",
  "items.title",
  "items.quantity",
  "items.unit_price",
  "items.subtotal",
  "items.original_total",
  "items.created_at",
  "shipping_address.first_name",
  "shipping_address.country_code",
  "shipping_methods.name",
  "shipping_methods.data",
  "shipping_methods.shipping_option.data",
]

type Json = Record<string, unknown>

export type OrderEmailRecord = MedusaTotals & {
  id: string
  custom_display_id?: string | null
  display_id?: number | null
  email?: string | null
  locale?: string | null
  created_at: Date | string
  metadata?: Json | null
  customer_id?: string | null
  customer?: { metadata?: Json | null } | null
  items?: ({
    product_title?: string | null
    variant_title?: string | null
    title?: string | null
    quantity: BigNumberInput
    unit_price: BigNumberInput
    subtotal?: BigNumberInput | null
    original_total?: BigNumberInput | null
    created_at?: Date | string | null
  } | null)[] | null
  shipping_address?: { first_name?: string | null; country_code?: string | null } | null
  shipping_methods?: ({ name?: string | null; data?: Json | null; shipping_option?: { data?: Json | null } | null } | null)[] | null
}

export const ORDER_CONFIRMATION_TEMPLATE = "order-confirmation"

/** One confirmation per order, whoever emits `order.placed` and however often. */
export const orderConfirmationKey = (orderId: string) => `${ORDER_CONFIRMATION_TEMPLATE}:${orderId}`

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null)

/**
 * The languages of the email, first on top. An explicit choice wins: Medusa's
 * order `locale` (copied from the cart), else `metadata.locale` on the order or
 * the customer; `ar…` gives Arabic, anything else English. Without one, an
 * order shipped to Jordan gets Arabic first with English below (most Jordanian
 * shoppers read Arabic, some prefer English); elsewhere English alone.
 */
export function emailLanguages(order: Pick<OrderEmailRecord, "locale" | "metadata" | "customer" | "shipping_address" | "currency_code">): EmailLanguage[] {
  const chosen = text(order.locale) ?? text(order.metadata?.locale) ?? text(order.customer?.metadata?.locale)
  if (chosen) {
    return chosen.toLowerCase().startsWith("ar") ? ["ar"] : ["en"]
  }
  const inJordan =
    order.shipping_address?.country_code?.toLowerCase() === "jo" || order.currency_code?.toLowerCase() === "jod"
  return inJordan ? ["ar", "en"] : ["en"]
}

/**
 * The delivery method's code and the order's estimated delivery: its minimum
 * business days from the method's data (the Jordan provider copies the
 * governorate's min_days there), else the option's data (the US options carry
 * them), else the method's launch default.
 */
function delivery(order: OrderEmailRecord, holidays: Iterable<string>) {
  const method = (order.shipping_methods ?? []).find(Boolean)
  if (!method) return { code: null, name: null, estimatedDelivery: null }
  const { known, minDays } = deliveryOf(method)
  return {
    code: known?.code ?? null,
    name: known?.name ?? method.name ?? null,
    estimatedDelivery: minDays === undefined ? null : estimatedDelivery(order.created_at, minDays, holidays),
  }
}

/** The template's data for an order. `holidays`: the merchant's days off (YYYY-MM-DD) besides Friday and Saturday. */
export function orderConfirmationData(order: OrderEmailRecord, holidays: Iterable<string> = []): OrderConfirmationEmail {
  const currency = order.currency_code
  const taxIncluded = isTaxInclusiveCurrency(currency)
  const items = (order.items ?? [])
    .filter((item): item is NonNullable<typeof item> => !!item)
    .sort((a, b) => new Date(a.created_at ?? 0).getTime() - new Date(b.created_at ?? 0).getTime())
    .map((item) => ({
      title: item.product_title ?? item.title ?? "",
      variant: text(item.variant_title),
      quantity: MathBN.convert(item.quantity).toNumber(),
      // The line as the /api/v1 order shows it: shelf amount (JOD) or pre-tax (USD).
      total: toMinorUnits(
        (taxIncluded ? item.original_total : item.subtotal) ?? MathBN.mult(item.unit_price, item.quantity),
        currency
      ),
    }))
  const method = delivery(order, holidays)
  return {
    orderNumber: order.custom_display_id ?? String(order.display_id ?? order.id),
    customerName: text(order.shipping_address?.first_name),
    currency: currency.toUpperCase(),
    items,
    ...payableTotals(order),
    taxIncluded,
    shippingMethodCode: method.code,
    shippingMethodName: method.name,
    estimatedDelivery: method.estimatedDelivery,
    languages: emailLanguages(order),
  }
}

/**
 * The notification Medusa's notification module sends for a placed order, or
 * null when the order has no email to send to. The HTML travels as `content`
 * (SendGrid sends it as is); `data` keeps only what identifies the email.
 */
export function orderConfirmationNotification(
  order: OrderEmailRecord,
  holidays: Iterable<string> = []
): CreateNotificationDTO | null {
  const to = text(order.email)
  if (!to) return null
  const email = orderConfirmationData(order, holidays)
  return {
    to,
    channel: "email",
    template: ORDER_CONFIRMATION_TEMPLATE,
    content: { subject: orderConfirmationSubject(email), html: orderConfirmationHtml(email) },
    data: { order_id: order.id, order_number: email.orderNumber, languages: email.languages },
    trigger_type: "order.placed",
    resource_id: order.id,
    resource_type: "order",
    receiver_id: order.customer_id ?? null,
    idempotency_key: orderConfirmationKey(order.id),
  }
}

import type { BigNumberInput } from "@medusajs/framework/types"
import { estimatedDelivery } from "../../lib/business-days"
import { governorateByCode } from "../../lib/jordan"
import { isTaxInclusiveCurrency, toMinorUnits } from "../../lib/money"
import {
  ORDER_STATUS_FIELDS,
  orderStateOf,
  orderStatusOf,
  paymentMethodOf,
  paymentStatusOf,
  trackingNumberOf,
} from "../../lib/order-status"
import { deliveryOf, estimatedDays } from "../../lib/shipping-methods"
import { CART_TOTAL_FIELDS, CartItemRecord, CartRecord, presentLine, presentTotals } from "./cart"

/** The Query fields presentOrder reads. */
export const ORDER_FIELDS = [
  "id",
  "custom_display_id",
  "display_id",
  "customer_id",
  "customer.has_account",
  "email",
  "created_at",
  "updated_at",
  ...CART_TOTAL_FIELDS,
  "items.id",
  "items.product_id",
  "items.variant_id",
  "items.quantity",
  "items.unit_price",
  "items.product_title",
  "items.product_handle",
  "items.thumbnail",
  "items.variant_title",
  "items.variant_sku",
  "shipping_address.*",
  "billing_address.*",
  "shipping_methods.name",
  "shipping_methods.amount",
  "shipping_methods.subtotal",
  "shipping_methods.original_total",
  "shipping_methods.data",
  "shipping_methods.shipping_option.data",
  ...ORDER_STATUS_FIELDS,
]

type AddressRecord = {
  first_name?: string | null
  last_name?: string | null
  phone?: string | null
  address_1?: string | null
  city?: string | null
  province?: string | null
  postal_code?: string | null
  country_code?: string | null
  metadata?: Record<string, unknown> | null
}

type ShippingMethodRecord = {
  shipping_option?: { data?: Record<string, unknown> | null } | null
  name?: string | null
  amount?: BigNumberInput | null
  subtotal?: BigNumberInput | null
  original_total?: BigNumberInput | null
  data?: Record<string, unknown> | null
}

export type OrderRecord = Omit<CartRecord, "items" | "promotions" | "sales_channel_id"> & {
  custom_display_id?: string | null
  display_id?: number | null
  status: string
  payment_status?: string | null
  fulfillment_status?: string | null
  email?: string | null
  metadata?: Record<string, unknown> | null
  customer?: { has_account?: boolean | null } | null
  items?: (CartItemRecord | null)[] | null
  shipping_address?: AddressRecord | null
  billing_address?: AddressRecord | null
  shipping_methods?: (ShippingMethodRecord | null)[] | null
  payment_collections?: ({ payment_sessions?: ({ provider_id?: string | null } | null)[] | null } | null)[] | null
  fulfillments?: ({ labels?: ({ tracking_number?: string | null } | null)[] | null } | null)[] | null
}

const text = (value: unknown) => (typeof value === "string" && value ? value : null)

/** The contract's address from Medusa's (building, apartment, instructions and email ride in metadata). */
export function presentAddress(address: AddressRecord | null | undefined, email?: string | null) {
  if (!address) return null
  const meta = address.metadata ?? {}
  const country = address.country_code?.toUpperCase() ?? null
  return {
    firstName: address.first_name ?? null,
    lastName: address.last_name ?? null,
    email: text(meta.email) ?? email ?? null,
    phone: address.phone ?? null,
    country,
    city: address.city ?? null,
    governorate: country === "JO" ? governorateByCode(address.province)?.name ?? address.province ?? null : address.province ?? null,
    postalCode: address.postal_code ?? null,
    street: address.address_1 ?? null,
    building: text(meta.building),
    apartment: text(meta.apartment),
    instructions: text(meta.instructions),
  }
}

function presentShipping(order: OrderRecord) {
  const method = (order.shipping_methods ?? []).find(Boolean)
  if (!method) return { shippingMethod: null, minDays: undefined }
  const { known, minDays: min, maxDays: max } = deliveryOf(method)
  const amount = isTaxInclusiveCurrency(order.currency_code)
    ? method.original_total ?? method.amount
    : method.subtotal ?? method.amount
  return {
    shippingMethod: {
      id: known?.code ?? null,
      name: known?.name ?? method.name ?? null,
      price: toMinorUnits(amount ?? 0, order.currency_code),
      estimatedDays: min !== undefined && max !== undefined ? estimatedDays(min, max) : null,
    },
    minDays: min,
  }
}

/**
 * The contract's order. `holidays` are the merchant's public holidays
 * (YYYY-MM-DD) that `estimatedDelivery` skips besides Friday and Saturday.
 */
export function presentOrder(order: OrderRecord, holidays: Iterable<string> = []) {
  const currency = order.currency_code
  const meta = order.metadata ?? {}
  const paymentMethod = paymentMethodOf(order)
  const state = orderStateOf(order)
  const { shippingMethod, minDays } = presentShipping(order)
  const tracking = trackingNumberOf(order)
  const items = (order.items ?? []).filter((item): item is CartItemRecord => !!item)
  return {
    id: order.id,
    orderNumber: order.custom_display_id ?? (order.display_id != null ? String(order.display_id) : null),
    status: orderStatusOf(state),
    paymentStatus: paymentStatusOf(state),
    customerId: order.customer?.has_account ? order.customer_id : null,
    items: items.map((item) => presentLine(item, currency)),
    ...presentTotals(order as unknown as CartRecord),
    currency: currency.toUpperCase(),
    shippingAddress: presentAddress(order.shipping_address, order.email),
    billingAddress: presentAddress(order.billing_address, order.email),
    shippingMethod,
    paymentMethod,
    estimatedDelivery: minDays === undefined ? null : estimatedDelivery(order.created_at, minDays, holidays),
    trackingNumber: tracking ?? null,
    notes: text(meta.notes),
    createdAt: new Date(order.created_at).toISOString(),
    updatedAt: new Date(order.updated_at).toISOString(),
  }
}

import { toMinorUnits } from "../../lib/money"

export type CartItemRecord = {
  id: string
  product_id: string | null
  variant_id: string | null
  quantity: number
  unit_price: number
  subtotal?: number | null
  product_title?: string | null
  product_handle?: string | null
  thumbnail?: string | null
  variant_title?: string | null
  variant_sku?: string | null
  created_at?: Date | string
  variant?: { manage_inventory?: boolean; allow_backorder?: boolean } | null
}

export type CartRecord = {
  id: string
  currency_code: string
  region_id?: string | null
  customer_id: string | null
  sales_channel_id: string | null
  created_at: Date | string
  updated_at: Date | string
  completed_at?: Date | string | null
  item_subtotal?: number | null
  discount_subtotal?: number | null
  shipping_subtotal?: number | null
  tax_total?: number | null
  total?: number | null
  items?: (CartItemRecord | null)[] | null
  promotions?: ({ id?: string; code?: string | null } | null)[] | null
}

/** Sellable units now per variant id (null: the variant's inventory is not managed). */
export type Availability = Record<string, number | null | undefined>

const iso = (value: Date | string) => new Date(value).toISOString()

function presentItem(item: CartItemRecord, currency: string, availability: Availability) {
  const variant = item.variant ?? {}
  const inventoryCount = Math.max(0, availability[item.variant_id ?? ""] ?? 0)
  const managed = variant.manage_inventory !== false
  return {
    id: item.id,
    productId: item.product_id,
    variantId: item.variant_id,
    quantity: item.quantity,
    unitPrice: toMinorUnits(item.unit_price, currency),
    totalPrice: toMinorUnits(item.subtotal ?? item.unit_price * item.quantity, currency),
    product: {
      name: item.product_title ?? null,
      image: item.thumbnail ?? null,
      slug: item.product_handle ?? null,
    },
    variant: {
      name: item.variant_title ?? null,
      sku: item.variant_sku ?? null,
      available: !managed || !!variant.allow_backorder || inventoryCount > 0,
      inventoryCount,
    },
  }
}

/**
 * The contract's cart. Totals are Medusa's, in minor units:
 * total = subtotal - discount + tax + shipping, with subtotal the items
 * before discount and tax.
 */
export function presentCart(cart: CartRecord, expiresAt: Date, availability: Availability) {
  const currency = cart.currency_code
  const money = (amount: number | null | undefined) => toMinorUnits(amount ?? 0, currency)
  const items = (cart.items ?? [])
    .filter((item): item is CartItemRecord => !!item)
    .sort((a, b) => new Date(a.created_at ?? 0).getTime() - new Date(b.created_at ?? 0).getTime())
  const code = (cart.promotions ?? []).find((p) => p?.code)?.code ?? null
  return {
    id: cart.id,
    customerId: cart.customer_id ?? null,
    items: items.map((item) => presentItem(item, currency, availability)),
    subtotal: money(cart.item_subtotal),
    tax: money(cart.tax_total),
    shipping: money(cart.shipping_subtotal),
    discount: money(cart.discount_subtotal),
    total: money(cart.total),
    currency: currency.toUpperCase(),
    discountCode: code,
    itemCount: items.reduce((sum, item) => sum + item.quantity, 0),
    createdAt: iso(cart.created_at),
    updatedAt: iso(cart.updated_at),
    expiresAt: expiresAt.toISOString(),
  }
}

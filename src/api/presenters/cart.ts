import { MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { isTaxInclusiveCurrency, toMinorUnits } from "../../lib/money"
import { MedusaTotals, payableTotals, TOTAL_FIELDS } from "../../lib/totals"

/** The cart totals presentCart reads (both currencies), for callers' Query fields. */
export const CART_TOTAL_FIELDS = [
  ...TOTAL_FIELDS,
  "items.subtotal",
  "items.original_total",
]

export type CartItemRecord = {
  id: string
  product_id: string | null
  variant_id: string | null
  quantity: number
  unit_price: number
  subtotal?: number | null
  original_total?: BigNumberInput | null
  product_title?: string | null
  product_handle?: string | null
  thumbnail?: string | null
  variant_title?: string | null
  variant_sku?: string | null
  created_at?: Date | string
  variant?: { manage_inventory?: boolean; allow_backorder?: boolean } | null
}

export type CartRecord = MedusaTotals & {
  id: string
  region_id?: string | null
  customer_id: string | null
  sales_channel_id: string | null
  created_at: Date | string
  updated_at: Date | string
  completed_at?: Date | string | null
  items?: (CartItemRecord | null)[] | null
  promotions?: ({ id?: string; code?: string | null } | null)[] | null
}

/** Sellable units now per variant id (null: the variant's inventory is not managed). */
export type Availability = Record<string, number | null | undefined>

const iso = (value: Date | string) => new Date(value).toISOString()

/** A line as the contract shows it in carts and orders: snapshot names, shelf or pre-tax amounts. */
export function presentLine(item: CartItemRecord, currency: string) {
  // Tax-inclusive lines (JOD) show their shelf amount; Medusa's subtotal has the GST taken out.
  const lineTotal = isTaxInclusiveCurrency(currency)
    ? item.original_total ?? MathBN.mult(item.unit_price, item.quantity)
    : item.subtotal ?? MathBN.mult(item.unit_price, item.quantity)
  return {
    id: item.id,
    productId: item.product_id,
    variantId: item.variant_id,
    quantity: item.quantity,
    unitPrice: toMinorUnits(item.unit_price, currency),
    totalPrice: toMinorUnits(lineTotal, currency),
    product: {
      name: item.product_title ?? null,
      image: item.thumbnail ?? null,
      slug: item.product_handle ?? null,
    },
    variant: {
      name: item.variant_title ?? null,
      sku: item.variant_sku ?? null,
    },
  }
}

function presentItem(item: CartItemRecord, currency: string, availability: Availability) {
  const variant = item.variant ?? {}
  const inventoryCount = Math.max(0, availability[item.variant_id ?? ""] ?? 0)
  const managed = variant.manage_inventory !== false
  const line = presentLine(item, currency)
  return {
    ...line,
    variant: {
      ...line.variant,
      available: !managed || !!variant.allow_backorder || inventoryCount > 0,
      inventoryCount,
    },
  }
}

/** The contract's totals of a cart (src/lib/totals.ts, shared with orders and emails). */
export const presentTotals = (cart: CartRecord) => payableTotals(cart)

/** The contract's cart, with presentTotals' totals in minor units. */
export function presentCart(cart: CartRecord, expiresAt: Date, availability: Availability) {
  const currency = cart.currency_code
  const items = (cart.items ?? [])
    .filter((item): item is CartItemRecord => !!item)
    .sort((a, b) => new Date(a.created_at ?? 0).getTime() - new Date(b.created_at ?? 0).getTime())
  const code = (cart.promotions ?? []).find((p) => p?.code)?.code ?? null
  return {
    id: cart.id,
    customerId: cart.customer_id ?? null,
    items: items.map((item) => presentItem(item, currency, availability)),
    ...presentTotals(cart),
    currency: currency.toUpperCase(),
    discountCode: code,
    itemCount: items.reduce((sum, item) => sum + item.quantity, 0),
    createdAt: iso(cart.created_at),
    updatedAt: iso(cart.updated_at),
    expiresAt: expiresAt.toISOString(),
  }
}

import type { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { isTaxInclusiveCurrency, toMinorUnits } from "./money"

/** The Query fields of the totals payableTotals reads, on a cart or an order. */
export const TOTAL_FIELDS = [
  "currency_code",
  "item_subtotal",
  "original_item_total",
  "discount_subtotal",
  "discount_total",
  "shipping_subtotal",
  "original_shipping_total",
  "credit_line_total",
  "tax_total",
  "total",
]

/** Medusa's totals a cart or an order answers with; what payableTotals reads. */
export type MedusaTotals = {
  currency_code: string
  item_subtotal?: BigNumberInput | null
  original_item_total?: BigNumberInput | null
  discount_subtotal?: BigNumberInput | null
  discount_total?: BigNumberInput | null
  shipping_subtotal?: BigNumberInput | null
  original_shipping_total?: BigNumberInput | null
  credit_line_total?: BigNumberInput | null
  tax_total?: BigNumberInput | null
  total?: BigNumberInput | null
}

/**
 * The contract's totals of a cart or an order, Medusa's own converted once
 * (DESIGN.md "Money"), as the /api/v1 answers and the emails show them.
 * Tax added (USD): total = subtotal - discount + tax + shipping, with subtotal
 * the items before discount and tax. Tax included (JOD): subtotal, discount
 * and shipping are shelf amounts with the GST in them, total = subtotal -
 * discount + shipping, tax the GST contained in the total; the discount
 * counts the 0–9 fils rounding credit that makes the total payable in 10s.
 */
export function payableTotals(record: MedusaTotals) {
  const currency = record.currency_code
  const money = (amount: BigNumberInput | null | undefined) => toMinorUnits(amount ?? 0, currency)
  if (!isTaxInclusiveCurrency(currency)) {
    return {
      subtotal: money(record.item_subtotal),
      tax: money(record.tax_total),
      shipping: money(record.shipping_subtotal),
      discount: money(record.discount_subtotal),
      total: money(record.total),
    }
  }
  return {
    subtotal: money(record.original_item_total),
    tax: money(record.tax_total),
    shipping: money(record.original_shipping_total),
    discount: money(MathBN.add(record.discount_total ?? 0, record.credit_line_total ?? 0)),
    total: money(record.total),
  }
}

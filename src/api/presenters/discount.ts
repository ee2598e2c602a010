import type { PromotionDTO } from "@medusajs/framework/types"
import { toMinorUnits } from "../../lib/money"
import type { presentCart } from "./cart"

type Cart = ReturnType<typeof presentCart>

/** The contract's applied-discount answer: the code, its kind and what it took off this cart. */
export function presentDiscount(promotion: PromotionDTO, cart: Cart) {
  const method = promotion.application_method
  const percentage = method?.type === "percentage"
  return {
    code: promotion.code,
    type: percentage ? "percentage" : "fixed_amount",
    value: percentage ? Number(method?.value) : toMinorUnits(method?.value ?? 0, cart.currency),
    discountAmount: cart.discount,
    cart: {
      subtotal: cart.subtotal,
      discount: cart.discount,
      tax: cart.tax,
      shipping: cart.shipping,
      total: cart.total,
      discountCode: cart.discountCode,
      currency: cart.currency,
    },
  }
}

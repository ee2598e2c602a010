import { GOVERNORATES } from "../../lib/jordan"
import { SHIPPING_METHODS } from "../../lib/shipping-methods"

/**
 * The launch rules, one per governorate and method, from the shipping-method
 * vocabulary: standard 5 JOD (3–5 days) and express 10 JOD (1–2) everywhere,
 * same day 15 JOD offered in Amman only.
 */
export function defaultShippingRules() {
  return GOVERNORATES.flatMap((g) =>
    SHIPPING_METHODS.map((method) => ({
      governorate: g.code,
      method: method.code,
      available: !method.jordanOnlyIn || method.jordanOnlyIn.includes(g.code),
      price: method.jodPrice,
      min_days: method.minDays,
      max_days: method.maxDays,
    }))
  )
}

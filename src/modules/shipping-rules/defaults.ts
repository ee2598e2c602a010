import { GOVERNORATES } from "../../lib/jordan"

export const METHODS = ["standard", "express", "same_day"] as const
export type ShippingMethod = (typeof METHODS)[number]

export const METHOD_NAMES: Record<ShippingMethod, string> = {
  standard: "Standard Delivery",
  express: "Express Delivery",
  same_day: "Same Day Delivery",
}

/** The launch rules: standard 5 JOD (3–5 days) and express 10 JOD (1–2) everywhere, same day 15 JOD in Amman only. */
export function defaultShippingRules() {
  return GOVERNORATES.flatMap((g) => [
    { governorate: g.code, method: "standard" as const, available: true, price: 5, min_days: 3, max_days: 5 },
    { governorate: g.code, method: "express" as const, available: true, price: 10, min_days: 1, max_days: 2 },
    {
      governorate: g.code,
      method: "same_day" as const,
      available: g.code === "JO-AM",
      price: 15,
      min_days: 0,
      max_days: 0,
    },
  ])
}

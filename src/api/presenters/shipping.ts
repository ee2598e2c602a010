import { GOVERNORATES } from "../../lib/jordan"
import { toMinorUnits } from "../../lib/money"

type Rule = { available: boolean; min_days: number; max_days: number }
type OptionData = {
  method?: string
  rules?: Record<string, Rule | null>
  min_days?: number
  max_days?: number
}
export type PricedOption = { id: string; name: string; amount?: number | null; data?: OptionData | null }

const ORDER = ["standard", "express", "same_day"]
const NAMES: Record<string, string> = {
  standard: "Standard Delivery",
  express: "Express Delivery",
  same_day: "Same Day Delivery",
}

export function estimatedDays(min: number, max: number) {
  if (max === 0) return "Same day"
  return min === max ? `${min}` : `${min}-${max}`
}

function describe(data: OptionData, days: string) {
  if (days !== "Same day") {
    return `${days} business days`
  }
  const where = Object.entries(data.rules ?? {})
    .filter(([, rule]) => rule?.available)
    .map(([code]) => GOVERNORATES.find((g) => g.code === code)?.name ?? code)
  return where.length && where.length <= 3 ? `Within ${where.join(", ")} only` : "Delivered the same day"
}

/** The contract's delivery methods for one address, from Medusa's priced shipping options. */
export function presentShippingMethods(options: PricedOption[], currency: string, governorateCode?: string) {
  return options
    .map((option) => {
      const data = option.data ?? {}
      const method = data.method ?? option.id
      const rule = (governorateCode ? data.rules?.[governorateCode] : undefined) ?? undefined
      const min = rule?.min_days ?? data.min_days ?? 0
      const max = rule?.max_days ?? data.max_days ?? 0
      const days = estimatedDays(min, max)
      return {
        id: method,
        name: NAMES[method] ?? option.name,
        description: describe(data, days),
        price: toMinorUnits(option.amount ?? 0, currency),
        estimatedDays: days,
        isDefault: method === "standard",
        available: rule ? rule.available : true,
        shippingOptionId: option.id,
      }
    })
    .sort((a, b) => ORDER.indexOf(a.id) - ORDER.indexOf(b.id))
}

import { GOVERNORATES } from "../../lib/jordan"
import { toMinorUnits } from "../../lib/money"
import {
  DEFAULT_SHIPPING_METHOD,
  describeDelivery,
  estimatedDays,
  shippingMethod,
  shippingMethodRank,
} from "../../lib/shipping-methods"
import type { JordanRule } from "../../modules/jordan-fulfillment/services/jordan-fulfillment"

type OptionData = {
  method?: string
  rules?: Record<string, JordanRule | null>
  min_days?: number
  max_days?: number
}
export type PricedOption = { id: string; name: string; amount?: number | null; data?: OptionData | null }

/** Where a same-day method is offered, by governorate name, from the option's rules. */
function offeredIn(data: OptionData) {
  return Object.entries(data.rules ?? {})
    .filter(([, rule]) => rule?.available)
    .map(([code]) => GOVERNORATES.find((g) => g.code === code)?.name ?? code)
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
      return {
        id: method,
        name: shippingMethod(method)?.name ?? option.name,
        description: describeDelivery(min, max, offeredIn(data)),
        // A method the governorate does not offer may come back without an
        // amount; its rule still says what it would cost.
        price: toMinorUnits(option.amount ?? rule?.price ?? 0, currency),
        estimatedDays: estimatedDays(min, max),
        isDefault: method === DEFAULT_SHIPPING_METHOD,
        available: rule ? rule.available : true,
        shippingOptionId: option.id,
      }
    })
    .sort((a, b) => shippingMethodRank(a.id) - shippingMethodRank(b.id))
}

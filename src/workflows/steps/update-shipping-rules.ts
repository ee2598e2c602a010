import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SHIPPING_RULES_MODULE } from "../../modules/shipping-rules"
import type ShippingRulesModuleService from "../../modules/shipping-rules/service"

export type ShippingRuleUpdate = {
  id: string
  available?: boolean
  price?: number
  min_days?: number
  max_days?: number
}

export const updateShippingRulesStepId = "update-shipping-rules"

/** Applies the merchant's edits to shipping rules; the compensation puts the old values back. */
export const updateShippingRulesStep = createStep(
  updateShippingRulesStepId,
  async (updates: ShippingRuleUpdate[], { container }) => {
    if (!updates.length) {
      return new StepResponse([], [])
    }
    const service: ShippingRulesModuleService = container.resolve(SHIPPING_RULES_MODULE)
    const previous = await service.listShippingRules({ id: updates.map((u) => u.id) })
    const updated = await service.updateShippingRules(updates)
    return new StepResponse(
      updated,
      previous.map(({ id, available, price, min_days, max_days }) => ({
        id,
        available,
        price: Number(price),
        min_days,
        max_days,
      }))
    )
  },
  async (previous, { container }) => {
    if (!previous?.length) return
    const service: ShippingRulesModuleService = container.resolve(SHIPPING_RULES_MODULE)
    await service.updateShippingRules(previous)
  }
)

import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { SHIPPING_RULES_MODULE } from "../../modules/shipping-rules"
import type ShippingRulesModuleService from "../../modules/shipping-rules/service"
import { GOVERNORATES } from "../../lib/jordan"
import type { JordanOptionData } from "../../modules/jordan-fulfillment/services/jordan-fulfillment"

export const JORDAN_PROVIDER_ID = "jordan-shipping_jordan"
export const syncJordanShippingOptionsStepId = "sync-jordan-shipping-options"

/**
 * Copies the shipping rules into the `data` of every Jordan shipping option,
 * where the fulfillment provider prices from them. The compensation restores
 * each option's previous data.
 */
export const syncJordanShippingOptionsStep = createStep(
  syncJordanShippingOptionsStepId,
  async (_: void, { container }) => {
    const rulesService: ShippingRulesModuleService = container.resolve(SHIPPING_RULES_MODULE)
    const fulfillment = container.resolve(Modules.FULFILLMENT)
    const rules = await rulesService.listShippingRules({}, { take: null })
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: options } = await query.graph({
      entity: "shipping_option",
      fields: ["id", "data"],
      filters: { provider_id: JORDAN_PROVIDER_ID },
    })

    const updates = options.map((option: { id: string; data?: Record<string, unknown> | null }) => {
      const method = String(option.data?.method)
      const byGovernorate = new Map(
        rules
          .filter((rule) => rule.method === method)
          .map((rule) => [
            rule.governorate,
            {
              available: rule.available,
              price: MathBN.convert(rule.price).toNumber(),
              min_days: rule.min_days,
              max_days: rule.max_days,
            },
          ])
      )
      // Medusa merges JSON data on update, so a rule that is gone must be
      // written as null, or its old value would live on.
      const codes = new Set([
        ...GOVERNORATES.map((g) => g.code),
        ...Object.keys((option.data?.rules as Record<string, unknown>) ?? {}),
        ...byGovernorate.keys(),
      ])
      const data: JordanOptionData = {
        method,
        rules: Object.fromEntries([...codes].map((code) => [code, byGovernorate.get(code) ?? null])),
      }
      return { id: option.id, data }
    })
    for (const { id, data } of updates) {
      await fulfillment.updateShippingOptions(id, { data })
    }
    return new StepResponse(
      updates.length,
      options.map((option: { id: string; data?: Record<string, unknown> | null }) => ({
        id: option.id,
        data: (option.data ?? {}) as Record<string, unknown>,
      }))
    )
  },
  async (previous, { container }) => {
    if (!previous?.length) return
    const fulfillment = container.resolve(Modules.FULFILLMENT)
    for (const { id, data } of previous) {
      await fulfillment.updateShippingOptions(id, { data })
    }
  }
)

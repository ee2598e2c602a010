import { GOVERNORATES } from "../../lib/jordan"
import { SHIPPING_METHODS } from "../../lib/shipping-methods"
import { SHIPPING_RULES_MODULE } from "../../modules/shipping-rules"
import { defaultShippingRules } from "../../modules/shipping-rules/defaults"
import type ShippingRulesModuleService from "../../modules/shipping-rules/service"
import { updateShippingRulesWorkflow } from "../../workflows/update-shipping-rules"
import type { SeedContext } from "./context"

/** Jordan's default delivery rules per governorate, copied into the Jordan shipping options. */
export async function seedShippingRules({ container, report }: SeedContext) {
  const service: ShippingRulesModuleService = container.resolve(SHIPPING_RULES_MODULE)
  const existing = await service.listShippingRules({}, { take: null })
  const defaults = defaultShippingRules()
  const missing = defaults.filter(
    (rule) => !existing.some((e) => e.governorate === rule.governorate && e.method === rule.method)
  )
  if (missing.length) {
    await service.createShippingRules(missing)
  }
  // Always re-sync: new shipping options start without rules.
  await updateShippingRulesWorkflow(container).run({ input: { updates: [] } })
  report(
    `Jordan shipping rules (${GOVERNORATES.length} governorates x ${SHIPPING_METHODS.length} methods)`,
    missing.length,
    defaults.length - missing.length
  )
}

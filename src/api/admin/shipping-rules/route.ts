import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MathBN } from "@medusajs/framework/utils"
import { SHIPPING_RULES_MODULE } from "../../../modules/shipping-rules"
import type ShippingRulesModuleService from "../../../modules/shipping-rules/service"
import { updateShippingRulesWorkflow } from "../../../workflows/update-shipping-rules"
import { GOVERNORATES } from "../../../lib/jordan"
import { assertValidRuleEdits } from "./rules"
import type { UpdateShippingRulesBody } from "./validators"

async function listRules(req: AuthenticatedMedusaRequest) {
  const service: ShippingRulesModuleService = req.scope.resolve(SHIPPING_RULES_MODULE)
  const rules = await service.listShippingRules({}, { take: null, order: { governorate: "ASC" } })
  return rules.map((rule) => ({
    id: rule.id,
    governorate: rule.governorate,
    governorate_name: GOVERNORATES.find((g) => g.code === rule.governorate)?.name ?? rule.governorate,
    method: rule.method,
    available: rule.available,
    price: MathBN.convert(rule.price).toNumber(),
    currency_code: "jod",
    min_days: rule.min_days,
    max_days: rule.max_days,
  }))
}

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ shipping_rules: await listRules(req) })
}

export async function POST(req: AuthenticatedMedusaRequest<UpdateShippingRulesBody>, res: MedusaResponse) {
  const { rules } = req.validatedBody
  assertValidRuleEdits(rules, await listRules(req))
  await updateShippingRulesWorkflow(req.scope).run({ input: { updates: rules } })
  res.json({ shipping_rules: await listRules(req) })
}

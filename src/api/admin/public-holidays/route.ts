import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SHIPPING_RULES_MODULE } from "../../../modules/shipping-rules"
import type ShippingRulesModuleService from "../../../modules/shipping-rules/service"
import { setPublicHolidaysWorkflow } from "../../../workflows/set-public-holidays"
import type { SetPublicHolidaysBody } from "./validators"

async function holidaysOf(req: AuthenticatedMedusaRequest) {
  const service: ShippingRulesModuleService = req.scope.resolve(SHIPPING_RULES_MODULE)
  const holidays = await service.listPublicHolidays({}, { order: { date: "ASC" } })
  return holidays.map((h) => ({ date: h.date, name: h.name }))
}

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ public_holidays: await holidaysOf(req) })
}

export async function POST(req: AuthenticatedMedusaRequest<SetPublicHolidaysBody>, res: MedusaResponse) {
  await setPublicHolidaysWorkflow(req.scope).run({ input: { holidays: req.validatedBody.holidays } })
  res.json({ public_holidays: await holidaysOf(req) })
}

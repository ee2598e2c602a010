import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MathBN, MedusaError, Modules } from "@medusajs/framework/utils"
import { PROMOTION_MINIMUM_MODULE } from "../../../../../modules/promotion-minimum"
import type PromotionMinimumModuleService from "../../../../../modules/promotion-minimum/service"
import { setPromotionMinimumsWorkflow } from "../../../../../workflows/set-promotion-minimums"
import { isKnownCurrency } from "../../../../../lib/money"
import type { SetPromotionMinimumsBody } from "./validators"

async function minimumsOf(req: AuthenticatedMedusaRequest, promotionId: string) {
  // 404 for an unknown promotion, as Medusa's own promotion routes answer.
  await req.scope.resolve(Modules.PROMOTION).retrievePromotion(promotionId)
  const service: PromotionMinimumModuleService = req.scope.resolve(PROMOTION_MINIMUM_MODULE)
  const minimums = await service.listPromotionMinimums({ promotion_id: promotionId })
  return minimums.map((m) => ({
    currency_code: m.currency_code,
    amount: MathBN.convert(m.amount).toNumber(),
  }))
}

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ minimums: await minimumsOf(req, req.params.id) })
}

export async function POST(req: AuthenticatedMedusaRequest<SetPromotionMinimumsBody>, res: MedusaResponse) {
  const { minimums } = req.validatedBody
  const unknown = minimums.filter((m) => !isKnownCurrency(m.currency_code))
  const codes = minimums.map((m) => m.currency_code.toLowerCase())
  if (unknown.length || new Set(codes).size !== codes.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Give each minimum a distinct ISO 4217 currency code"
    )
  }
  await minimumsOf(req, req.params.id)
  await setPromotionMinimumsWorkflow(req.scope).run({
    input: { promotion_id: req.params.id, minimums },
  })
  res.json({ minimums: await minimumsOf(req, req.params.id) })
}

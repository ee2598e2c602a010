import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MathBN } from "@medusajs/framework/utils"
import { PROMOTION_MINIMUM_MODULE } from "../../modules/promotion-minimum"
import type PromotionMinimumModuleService from "../../modules/promotion-minimum/service"

export type SetPromotionMinimumsInput = {
  promotion_id: string
  minimums: { currency_code: string; amount: number }[]
}

export const setPromotionMinimumsStepId = "set-promotion-minimums"

/** Replaces a promotion's minimum order amounts; the compensation restores the old ones. */
export const setPromotionMinimumsStep = createStep(
  setPromotionMinimumsStepId,
  async ({ promotion_id, minimums }: SetPromotionMinimumsInput, { container }) => {
    const service: PromotionMinimumModuleService = container.resolve(PROMOTION_MINIMUM_MODULE)
    const previous = await service.listPromotionMinimums({ promotion_id })
    if (previous.length) {
      await service.deletePromotionMinimums(previous.map((m) => m.id))
    }
    const created = minimums.length
      ? await service.createPromotionMinimums(
          minimums.map((m) => ({ promotion_id, currency_code: m.currency_code.toLowerCase(), amount: m.amount }))
        )
      : []
    return new StepResponse(created, {
      promotion_id,
      created: created.map((m) => m.id),
      previous: previous.map((m) => ({
        promotion_id,
        currency_code: m.currency_code,
        amount: MathBN.convert(m.amount).toNumber(),
      })),
    })
  },
  async (undo, { container }) => {
    if (!undo) return
    const service: PromotionMinimumModuleService = container.resolve(PROMOTION_MINIMUM_MODULE)
    if (undo.created.length) await service.deletePromotionMinimums(undo.created)
    if (undo.previous.length) await service.createPromotionMinimums(undo.previous)
  }
)

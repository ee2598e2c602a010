import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import { MINIMUM_MET_ATTRIBUTE } from "../../lib/discount-rules"

export type SyncMinimumRuleInput = { promotion_id: string; has_minimum: boolean }

type Undo = { promotion_id: string; added?: string; removed?: number }

export const syncMinimumRuleStepId = "sync-promotion-minimum-rule"

/**
 * Gives a promotion with a minimum the rule that lets Medusa's promotion
 * engine drop it below that minimum (see MINIMUM_MET_ATTRIBUTE), and takes it
 * away when the promotion has no minimum left. Compensation undoes either.
 */
export const syncMinimumRuleStep = createStep(
  syncMinimumRuleStepId,
  async ({ promotion_id, has_minimum }: SyncMinimumRuleInput, { container }) => {
    const promotions = container.resolve(Modules.PROMOTION)
    const promotion = await promotions.retrievePromotion(promotion_id, { relations: ["rules", "rules.values"] })
    const existing = (promotion.rules ?? []).filter((rule) => rule.attribute === MINIMUM_MET_ATTRIBUTE)
    if (has_minimum && !existing.length) {
      const [created] = await promotions.addPromotionRules(promotion_id, [
        {
          attribute: MINIMUM_MET_ATTRIBUTE,
          operator: "in",
          values: [promotion_id],
          description: "Minimum order reached (managed by Skinior's promotion minimums)",
        },
      ])
      return new StepResponse<string | undefined, Undo>(created.id, { promotion_id, added: created.id })
    }
    if (!has_minimum && existing.length) {
      await promotions.removePromotionRules(
        promotion_id,
        existing.map((rule) => rule.id)
      )
      return new StepResponse<string | undefined, Undo>(undefined, { promotion_id, removed: existing.length })
    }
    return new StepResponse<string | undefined, Undo>(existing[0]?.id, { promotion_id })
  },
  async (undo, { container }) => {
    if (!undo) return
    const promotions = container.resolve(Modules.PROMOTION)
    if (undo.added) {
      await promotions.removePromotionRules(undo.promotion_id, [undo.added])
    } else if (undo.removed) {
      await promotions.addPromotionRules(undo.promotion_id, [
        { attribute: MINIMUM_MET_ATTRIBUTE, operator: "in", values: [undo.promotion_id] },
      ])
    }
  }
)

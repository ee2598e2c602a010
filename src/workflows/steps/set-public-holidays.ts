import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SHIPPING_RULES_MODULE } from "../../modules/shipping-rules"
import type ShippingRulesModuleService from "../../modules/shipping-rules/service"

export type PublicHolidayInput = { date: string; name: string }

export const setPublicHolidaysStepId = "set-public-holidays"

/** Replaces the list of public holidays; the compensation restores the old list. */
export const setPublicHolidaysStep = createStep(
  setPublicHolidaysStepId,
  async (holidays: PublicHolidayInput[], { container }) => {
    const service: ShippingRulesModuleService = container.resolve(SHIPPING_RULES_MODULE)
    const previous = await service.listPublicHolidays({})
    if (previous.length) {
      await service.deletePublicHolidays(previous.map((h) => h.id))
    }
    const created = holidays.length ? await service.createPublicHolidays(holidays) : []
    return new StepResponse(created, {
      created: created.map((h) => h.id),
      previous: previous.map((h) => ({ date: h.date, name: h.name })),
    })
  },
  async (undo, { container }) => {
    if (!undo) return
    const service: ShippingRulesModuleService = container.resolve(SHIPPING_RULES_MODULE)
    if (undo.created.length) await service.deletePublicHolidays(undo.created)
    if (undo.previous.length) await service.createPublicHolidays(undo.previous)
  }
)

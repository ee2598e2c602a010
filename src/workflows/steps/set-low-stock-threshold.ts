import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { holdService } from "../../lib/stock"

export type SetLowStockThresholdInput = { variant_id: string; low_stock_threshold: number }

/** Writes a variant's threshold; the compensation puts back the previous one (or none). */
export const setLowStockThresholdStep = createStep(
  "set-low-stock-threshold",
  async (input: SetLowStockThresholdInput, { container }) => {
    const service = holdService(container)
    const [previous] = await service.listVariantStockSettings({ variant_id: input.variant_id })
    if (previous) {
      await service.updateVariantStockSettings({ id: previous.id, low_stock_threshold: input.low_stock_threshold })
    } else {
      await service.createVariantStockSettings(input)
    }
    return new StepResponse(input, { variant_id: input.variant_id, previous: previous?.low_stock_threshold ?? null })
  },
  async (data, { container }) => {
    if (!data) return
    const service = holdService(container)
    const [row] = await service.listVariantStockSettings({ variant_id: data.variant_id })
    if (!row) return
    if (data.previous === null) {
      await service.deleteVariantStockSettings(row.id)
    } else {
      await service.updateVariantStockSettings({ id: row.id, low_stock_threshold: data.previous })
    }
  }
)

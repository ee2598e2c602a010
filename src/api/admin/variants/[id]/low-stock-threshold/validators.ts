import { z } from "@medusajs/framework/zod"

export const SetLowStockThresholdBody = z
  .object({ low_stock_threshold: z.number().int().min(0).max(1_000_000) })
  .strict()
export type SetLowStockThresholdBody = z.infer<typeof SetLowStockThresholdBody>

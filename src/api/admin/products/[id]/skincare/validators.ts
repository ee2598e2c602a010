import { z } from "@medusajs/framework/zod"
import { CONCERNS, SKIN_TYPES } from "../../../../../modules/skincare/vocabulary"

export const UpdateProductSkincareBody = z
  .object({
    ingredients: z.array(z.string().trim().min(1).max(200)).max(100).optional(),
    skin_types: z.array(z.enum(SKIN_TYPES)).max(SKIN_TYPES.length).optional(),
    concerns: z.array(z.enum(CONCERNS)).max(CONCERNS.length).optional(),
    how_to_use: z.string().trim().max(2000).nullable().optional(),
    seo_title: z.string().trim().max(70).nullable().optional(),
    seo_description: z.string().trim().max(160).nullable().optional(),
    low_stock_threshold: z.number().int().min(0).max(10000).optional(),
  })
  .strict()
export type UpdateProductSkincareBody = z.infer<typeof UpdateProductSkincareBody>

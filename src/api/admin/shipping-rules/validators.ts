import { z } from "@medusajs/framework/zod"
import { LIMITS } from "../../../lib/text-safety"

const days = z.number().int().min(0).max(60)

export const UpdateShippingRulesBody = z
  .object({
    rules: z
      .array(
        z
          .object({
            id: z.string().min(1).max(LIMITS.id),
            available: z.boolean().optional(),
            // JOD in major units (5.5 = 5 JOD 500 fils); multiples of 0.01 are checked in the route.
            price: z.number().min(0).max(1000).optional(),
            min_days: days.optional(),
            max_days: days.optional(),
          })
          .strict()
      )
      .min(1)
      .max(100),
  })
  .strict()
export type UpdateShippingRulesBody = z.infer<typeof UpdateShippingRulesBody>

import { z } from "@medusajs/framework/zod"

export const SetPromotionMinimumsBody = z
  .object({
    minimums: z
      .array(
        z
          .object({
            currency_code: z.string().regex(/^[A-Za-z]{3}$/),
            // Major units of the currency (35 = 35 JOD).
            amount: z.number().min(0),
          })
          .strict()
      )
      .max(20),
  })
  .strict()
export type SetPromotionMinimumsBody = z.infer<typeof SetPromotionMinimumsBody>

import { z } from "@medusajs/framework/zod"
import { CONCERNS, SKIN_TYPES } from "../../../../../modules/skincare/vocabulary"

const isCalendarDate = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && value >= "1900-01-01"
}

export const UpdateSkinProfileBody = z
  .object({
    skin_type: z.enum(SKIN_TYPES).nullable().optional(),
    skin_concerns: z
      .array(z.enum(CONCERNS))
      .max(CONCERNS.length)
      .transform((list) => CONCERNS.filter((c) => list.includes(c)))
      .optional(),
    date_of_birth: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "date_of_birth must be YYYY-MM-DD")
      .refine(isCalendarDate, "date_of_birth is not a calendar date from 1900 on")
      .nullable()
      .optional(),
  })
  .strict()
export type UpdateSkinProfileBody = z.infer<typeof UpdateSkinProfileBody>

import { z } from "@medusajs/framework/zod"
import { LIMITS } from "../../../lib/text-safety"

const isCalendarDate = (date: string) => {
  const parsed = new Date(`${date}T00:00:00Z`)
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date
}

export const SetPublicHolidaysBody = z
  .object({
    holidays: z
      .array(
        z
          .object({
            date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "date must be YYYY-MM-DD").refine(isCalendarDate, "date must be a real calendar date"),
            name: z.string().trim().min(1).max(LIMITS.name),
          })
          .strict()
      )
      .max(366)
      .refine((list) => new Set(list.map((h) => h.date)).size === list.length, "each date may be listed once"),
  })
  .strict()
export type SetPublicHolidaysBody = z.infer<typeof SetPublicHolidaysBody>

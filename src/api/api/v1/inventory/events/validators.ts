import { z } from "@medusajs/framework/zod"
import { LIMITS } from "../../../../../lib/text-safety"

export const MAX_LIVE_VARIANTS = 50
const VARIANT_ID = /^variant_[0-9A-Za-z]+$/

/** `variantIds=a,b,c`: 1 to 50 distinct variant ids. */
export const InventoryEventsQuery = z
  .object({
    variantIds: z
      .string()
      .max(MAX_LIVE_VARIANTS * (LIMITS.id + 1))
      .transform((raw) => [...new Set(raw.split(",").map((id) => id.trim()).filter(Boolean))])
      .pipe(
        z
          .array(z.string().max(LIMITS.id).regex(VARIANT_ID, "each id must be a variant id"))
          .min(1, "variantIds names at least one variant")
          .max(MAX_LIVE_VARIANTS, `variantIds names at most ${MAX_LIVE_VARIANTS} variants`)
      ),
  })
  .strict()

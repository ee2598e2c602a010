import { z } from "@medusajs/framework/zod"
import { LIMITS } from "../../../../lib/text-safety"

// Medusa's ids: a prefix and a ULID. Anything else cannot name a product or variant (400).
export const InventoryParams = z
  .object({
    productId: z.string().max(LIMITS.id).regex(/^prod_[0-9A-Za-z]+$/, "productId must be a product id"),
    variantId: z.string().max(LIMITS.id).regex(/^variant_[0-9A-Za-z]+$/, "variantId must be a variant id"),
  })
  .strict()

export const InventoryQuery = z
  .object({
    // The caller's cart: its own hold counts as available to it.
    cartId: z.string().min(1).max(LIMITS.id).optional(),
  })
  .strict()

export const MAX_HOLD_ITEMS = 100

export const ReserveBody = z
  .object({
    cartId: z.string().min(1).max(LIMITS.id),
    items: z
      .array(
        z
          .object({
            productId: z.string().min(1).max(LIMITS.id),
            variantId: z.string().min(1).max(LIMITS.id),
            quantity: z.number().int().min(1).max(10_000),
          })
          .strict()
      )
      .min(1)
      .max(MAX_HOLD_ITEMS),
    reservationMinutes: z.number().int().min(1).max(60).default(15),
  })
  .strict()
export type ReserveBody = z.output<typeof ReserveBody>

import { z } from "@medusajs/framework/zod"
import { LIMITS } from "../../../../lib/text-safety"

export const CreateCartBody = z
  .object({
    customerId: z.string().min(1).max(LIMITS.id).nullable().optional(),
    currency: z.string().regex(/^[A-Za-z]{3}$/, "currency must be a 3-letter ISO 4217 code"),
  })
  .strict()
export type CreateCartBody = z.infer<typeof CreateCartBody>

// Quantities are only type-checked here: their range (whole, above 0, at most
// the per-line maximum) is a 422 of its own, checked by assertQuantity.
export const AddCartItemBody = z
  .object({
    productId: z.string().min(1).max(LIMITS.id),
    variantId: z.string().min(1).max(LIMITS.id),
    quantity: z.number(),
  })
  .strict()
export type AddCartItemBody = z.infer<typeof AddCartItemBody>

export const UpdateCartItemBody = z.object({ quantity: z.number() }).strict()
export type UpdateCartItemBody = z.infer<typeof UpdateCartItemBody>

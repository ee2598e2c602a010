import { z } from "@medusajs/framework/zod"
import { LIMITS } from "../../../../lib/text-safety"

const text = (max: number) => z.string().trim().min(1).max(max)

export const CheckoutAddress = z
  .object({
    country: z.string().trim().regex(/^[A-Za-z]{2}$/, "country must be a 2-letter ISO 3166 code"),
    city: text(LIMITS.name),
    governorate: text(LIMITS.name).optional(),
    postalCode: text(LIMITS.code).optional(),
    street: text(LIMITS.addressLine),
    building: text(LIMITS.addressLine).optional(),
    apartment: text(LIMITS.addressLine).optional(),
    firstName: text(LIMITS.name).optional(),
    lastName: text(LIMITS.name).optional(),
    phone: text(LIMITS.phone).optional(),
    email: z.string().max(LIMITS.email).email().optional(),
    instructions: z.string().max(LIMITS.note).optional(),
  })
  .strict()
export type CheckoutAddress = z.infer<typeof CheckoutAddress>

export const ShippingQuoteBody = z.object({ cartId: text(LIMITS.id), shippingAddress: CheckoutAddress }).strict()
export type ShippingQuoteBody = z.infer<typeof ShippingQuoteBody>

export const ApplyDiscountBody = z.object({ cartId: text(LIMITS.id), discountCode: text(LIMITS.code) }).strict()
export type ApplyDiscountBody = z.infer<typeof ApplyDiscountBody>

export const RemoveDiscountBody = z.object({ cartId: text(LIMITS.id) }).strict()
export type RemoveDiscountBody = z.infer<typeof RemoveDiscountBody>

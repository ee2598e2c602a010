import { z } from "@medusajs/framework/zod"

const text = z.string().trim().min(1)

export const CheckoutAddress = z
  .object({
    country: z.string().trim().regex(/^[A-Za-z]{2}$/, "country must be a 2-letter ISO 3166 code"),
    city: text,
    governorate: text.optional(),
    postalCode: text.optional(),
    street: text,
    building: text.optional(),
    apartment: text.optional(),
    firstName: text.optional(),
    lastName: text.optional(),
    phone: text.optional(),
    email: z.string().email().optional(),
    instructions: z.string().optional(),
  })
  .strict()
export type CheckoutAddress = z.infer<typeof CheckoutAddress>

export const ShippingQuoteBody = z.object({ cartId: text, shippingAddress: CheckoutAddress }).strict()
export type ShippingQuoteBody = z.infer<typeof ShippingQuoteBody>

export const ApplyDiscountBody = z.object({ cartId: text, discountCode: text }).strict()
export type ApplyDiscountBody = z.infer<typeof ApplyDiscountBody>

export const RemoveDiscountBody = z.object({ cartId: text }).strict()
export type RemoveDiscountBody = z.infer<typeof RemoveDiscountBody>

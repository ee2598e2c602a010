import { z } from "@medusajs/framework/zod"
import { ORDER_NUMBER_PATTERN } from "../../../../lib/order-number"
import { PAYMENT_METHODS } from "../../../../lib/order-status"
import { SHIPPING_METHOD_CODES } from "../../../../lib/shipping-methods"
import { LIMITS } from "../../../../lib/text-safety"
import { CheckoutAddress } from "../checkout/validators"

const E164 = /^\+[1-9]\d{6,14}$/
const required = (max: number) => z.string().trim().min(1).max(max)

/** An order's address: the checkout address with the buyer's name, email and phone (E.164) required. */
export const OrderAddress = CheckoutAddress.extend({
  firstName: required(LIMITS.name),
  lastName: required(LIMITS.name),
  email: z.string().max(LIMITS.email).email(),
  phone: z.string().trim().max(LIMITS.phone).regex(E164, "phone must be in E.164 form, e.g. +962791234567"),
}).strict()
export type OrderAddress = z.infer<typeof OrderAddress>

export const CreateOrderBody = z
  .object({
    cartId: required(LIMITS.id),
    customerId: required(LIMITS.id).optional(),
    shippingAddress: OrderAddress,
    billingAddress: z.union([z.literal("same"), OrderAddress]).default("same"),
    shippingMethod: z.enum(SHIPPING_METHOD_CODES),
    paymentMethod: z.enum(PAYMENT_METHODS),
    notes: z.string().max(LIMITS.note).optional(),
  })
  .strict()
export type CreateOrderBody = z.infer<typeof CreateOrderBody>

/** The requirements answer a bad address with 422 and any other bad input with 400. */
export const ADDRESS_FIELDS = ["shippingAddress", "billingAddress"]

export const ListOrdersQuery = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    number: z.string().max(50).regex(ORDER_NUMBER_PATTERN, "number must look like SKN-2025-000123").optional(),
  })
  .strict()
export type ListOrdersQuery = z.infer<typeof ListOrdersQuery>

export const PayOrderBody = z.discriminatedUnion("paymentMethod", [
  z.object({ paymentMethod: z.literal("cash_on_delivery"), confirmationRequired: z.boolean().optional() }).strict(),
  z
    .object({
      paymentMethod: z.literal("stripe"),
      paymentMethodId: required(LIMITS.id),
      savePaymentMethod: z.boolean().optional(),
    })
    .strict(),
])
export type PayOrderBody = z.infer<typeof PayOrderBody>

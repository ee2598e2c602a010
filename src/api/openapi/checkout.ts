import { z } from "@medusajs/framework/zod"
import { ApplyDiscountBody, RemoveDiscountBody, ShippingQuoteBody } from "../api/v1/checkout/validators"
import type { Operation } from "./registry"
import { answer, Cart, Currency, Money, ShippingMethod } from "./schemas"

const QuotedAddress = z.looseObject({
  country: z.string().meta({ description: "Upper case" }),
  governorate: z.string().nullable().meta({ description: "Jordan: the governorate's English name, whatever form was sent" }),
})
const ShippingQuote = answer(
  "ShippingQuoteAnswer",
  z.object({ methods: z.array(ShippingMethod), shippingAddress: QuotedAddress })
)
const Discount = z.object({
  code: z.string(),
  type: z.enum(["percentage", "fixed_amount"]),
  value: z.number().meta({ description: "Percent for percentage codes; minor units for fixed amounts" }),
  discountAmount: Money,
  cart: z.object({
    subtotal: Money,
    discount: Money,
    tax: Money,
    shipping: Money,
    total: Money,
    discountCode: z.string().nullable(),
    currency: Currency,
  }),
})
const DiscountAnswer = answer("DiscountAnswer", Discount, true)
const CartChangeAnswer = answer("DiscountRemovedAnswer", Cart, true)

const ammanAddress = {
  country: "JO",
  city: "Amman",
  governorate: "Amman",
  postalCode: "11118",
  street: "Queen Rania Street",
  building: "Building 15",
  apartment: "Apt 3A",
}

const cartAccess = {
  401: "The cart belongs to a customer and no valid token was sent",
  403: "The cart belongs to another customer",
  410: { description: "The cart expired", code: "GONE" as const },
}

export const checkoutOperations: Operation[] = [
  {
    method: "post",
    path: "/api/v1/checkout/shipping",
    tag: "Checkout",
    summary: "Quote delivery methods",
    description:
      "Saves the shipping address on the cart and answers the delivery methods for it with prices in the cart's " +
      "currency. Jordan: standard 5 JOD (3-5 business days), express 10 JOD (1-2), same day 15 JOD (Amman only); " +
      "the merchant edits rates per governorate in Admin. A Jordanian address needs `governorate`: the English name " +
      "(any case, with or without \"Governorate\"), the ISO code (JO-AM) or the Arabic name. US addresses put the state in `governorate`.",
    auth: "optional",
    body: ShippingQuoteBody,
    bodyExamples: {
      amman: { summary: "An address in Amman", value: { cartId: "cart_01JH8Z0B1C2D3E4F5G6H7J8K9M", shippingAddress: ammanAddress } },
      austin: {
        summary: "An address in Texas (USD cart)",
        value: {
          cartId: "cart_01JH8Z0B1C2D3E4F5G6H7J8K9M",
          shippingAddress: { country: "US", city: "Austin", governorate: "TX", postalCode: "73301", street: "1 Main St" },
        },
      },
    },
    success: {
      status: 200,
      description: "The methods, cheapest first, and the address as saved",
      schema: ShippingQuote,
      examples: {
        amman: {
          summary: "Amman, JOD cart (prices in fils)",
          value: {
            data: {
              methods: [
                { id: "standard", name: "Standard Delivery", description: "3-5 business days", price: 5000, estimatedDays: "3-5", isDefault: true, available: true, shippingOptionId: "so_01JH8Z1A" },
                { id: "express", name: "Express Delivery", description: "1-2 business days", price: 10000, estimatedDays: "1-2", isDefault: false, available: true, shippingOptionId: "so_01JH8Z1B" },
                { id: "same_day", name: "Same Day Delivery", description: "Within Amman only", price: 15000, estimatedDays: "Same day", isDefault: false, available: true, shippingOptionId: "so_01JH8Z1C" },
              ],
              shippingAddress: ammanAddress,
            },
          },
        },
      },
    },
    errors: {
      400: "Invalid address (a field missing or too long, no governorate in Jordan) or cart not found",
      ...cartAccess,
      409: "The cart was already ordered, or another change to it is still running",
      422: "Address not serviceable: a country the cart's region does not deliver to, or an unknown governorate",
    },
  },
  {
    method: "post",
    path: "/api/v1/checkout/discount",
    tag: "Checkout",
    summary: "Apply a discount code",
    description: "One code per cart. Percentage codes take their percent off the items; fixed codes an amount in minor units.",
    auth: "optional",
    body: ApplyDiscountBody,
    bodyExamples: { save20: { summary: "SAVE20", value: { cartId: "cart_01JH8Z0B1C2D3E4F5G6H7J8K9M", discountCode: "SAVE20" } } },
    success: {
      status: 200,
      description: "The code, what it took off and the cart's new totals",
      schema: DiscountAnswer,
      examples: {
        usd: {
          summary: "20% off 59.00 USD",
          value: {
            data: {
              code: "SAVE20",
              type: "percentage",
              value: 20,
              discountAmount: 1180,
              cart: { subtotal: 5900, discount: 1180, tax: 378, shipping: 0, total: 5098, discountCode: "SAVE20", currency: "USD" },
            },
            message: "Discount applied successfully",
          },
        },
      },
    },
    errors: {
      400: { description: "Invalid discount code (unknown), or bad input", code: "DISCOUNT_ERROR" },
      ...cartAccess,
      404: "No such cart",
      409: "A discount code is already applied, or the cart was ordered or is busy",
      410: { description: "Discount expired or used up, or the cart expired", code: "DISCOUNT_ERROR" },
      422: { description: "Minimum order not met, or none of the cart's items qualify", code: "DISCOUNT_ERROR" },
    },
  },
  {
    method: "delete",
    path: "/api/v1/checkout/discount",
    tag: "Checkout",
    summary: "Remove the discount code",
    auth: "optional",
    body: RemoveDiscountBody,
    bodyExamples: { remove: { summary: "Remove", value: { cartId: "cart_01JH8Z0B1C2D3E4F5G6H7J8K9M" } } },
    success: { status: 200, description: "The cart without its code", schema: CartChangeAnswer },
    errors: {
      400: "cartId missing",
      ...cartAccess,
      404: "No such cart, or no code applied",
      409: "The cart was already ordered, or another change to it is still running",
    },
  },
]

import { z } from "@medusajs/framework/zod"
import { ERROR_CODES } from "../../lib/errors"
import { ORDER_STATUSES, PAYMENT_METHODS, PAYMENT_STATUSES } from "../../lib/order-status"
import { CONCERNS, SKIN_TYPES } from "../../modules/skincare/vocabulary"
import { component } from "./registry"

// The answer shapes of src/api/presenters/*, declared once for the document
// and for the spec that checks real answers against it.

export { ERROR_CODES }

export const Money = z.number().int().meta({
  description: "An amount in the currency's ISO 4217 minor unit: USD in cents, JOD in fils (5 JOD = 5000).",
})
export const Currency = z.enum(["USD", "JOD"])
export const DateTime = z.string().meta({ format: "date-time", description: "ISO 8601 in UTC", examples: ["2025-01-15T10:00:00.000Z"] })
const text = z.string().nullable()

export const ErrorAnswer = component(
  "Error",
  z.object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      details: z
        .array(z.looseObject({ field: z.string(), message: z.string() }))
        .optional()
        .meta({ description: "One entry per bad field; INVENTORY_ERROR adds variantId, available and requested." }),
      requestId: z.string().meta({ description: "Equals the X-Request-Id response header." }),
    }),
  }),
  "Every non-2xx answer of /api/v1 and /api/webhooks."
)

export const Pagination = component(
  "Pagination",
  z.object({
    page: z.number().int(),
    limit: z.number().int(),
    total: z.number().int(),
    totalPages: z.number().int(),
    hasNext: z.boolean(),
    hasPrev: z.boolean(),
  })
)

export const Totals = {
  subtotal: Money.meta({ description: "Items before discount (USD: before tax; JOD: shelf prices, GST included)." }),
  tax: Money.meta({ description: "USD: tax added at checkout (8%). JOD: the 16% GST contained in the total." }),
  shipping: Money,
  discount: Money.meta({ description: "What discount codes took off (JOD: with the 0-9 fils rounding in the shopper's favour)." }),
  total: Money.meta({ description: "USD: subtotal - discount + tax + shipping. JOD: subtotal - discount + shipping, a multiple of 10 fils." }),
}

export const Address = component(
  "Address",
  z.object({
    firstName: text,
    lastName: text,
    email: text,
    phone: text,
    country: text.meta({ description: "ISO 3166-1 alpha-2, upper case" }),
    city: text,
    governorate: text.meta({ description: "Jordan: the governorate's English name (e.g. Amman); elsewhere the state or province as given." }),
    postalCode: text,
    street: text,
    building: text,
    apartment: text,
    instructions: text,
  })
)

export const CustomerAddress = component(
  "CustomerAddress",
  Address.omit({ email: true }).extend({ id: z.string(), isDefaultShipping: z.boolean() })
)

const ProductImage = z.object({ id: z.string(), url: z.string(), altText: z.string(), sortOrder: z.number().int() })
const ProductVariant = z.object({
  id: z.string(),
  name: text,
  sku: text,
  price: Money.nullable(),
  compareAtPrice: Money.nullable(),
  inventoryCount: z.number().int().meta({ description: "Units that can be sold now (stocked - reserved - held)." }),
  available: z.boolean(),
})

export const Product = component(
  "Product",
  z.object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    description: text,
    price: Money.nullable().meta({ description: "The cheapest variant's price in `currency`." }),
    compareAtPrice: Money.nullable(),
    currency: Currency,
    images: z.array(ProductImage),
    variants: z.array(ProductVariant),
    category: text.meta({ description: "The category's handle, e.g. serums" }),
    tags: z.array(z.string()),
    status: z.string().meta({ description: "active for published products" }),
    seoTitle: text,
    seoDescription: text,
    createdAt: DateTime,
    updatedAt: DateTime,
  })
)

export const ReviewSummary = component(
  "ReviewSummary",
  z.object({ averageRating: z.number(), totalReviews: z.number().int() })
)

export const ProductDetail = component(
  "ProductDetail",
  Product.extend({
    ingredients: z.array(z.string()),
    skinTypes: z.array(z.string()),
    concerns: z.array(z.string()),
    howToUse: text,
    reviews: ReviewSummary,
  })
)

export const Review = component(
  "Review",
  z.object({
    id: z.string(),
    productId: z.string(),
    rating: z.number().int().min(1).max(5),
    title: z.string(),
    body: z.string(),
    author: z.string(),
    verifiedPurchase: z.boolean(),
    status: z.string().meta({ description: "pending until the shop approves it; lists show approved reviews only" }),
    createdAt: DateTime,
    updatedAt: DateTime,
  })
)

const LineProduct = z.object({ name: text, image: text, slug: text })
const lineFields = {
  id: z.string(),
  productId: text,
  variantId: text,
  quantity: z.number().int(),
  unitPrice: Money,
  totalPrice: Money,
  product: LineProduct,
}

export const OrderLine = component(
  "OrderLine",
  z.object({ ...lineFields, variant: z.object({ name: text, sku: text }) })
)

export const CartItem = component(
  "CartItem",
  z.object({
    ...lineFields,
    variant: z.object({ name: text, sku: text, available: z.boolean(), inventoryCount: z.number().int() }),
  })
)

export const Cart = component(
  "Cart",
  z.object({
    id: z.string(),
    customerId: text,
    items: z.array(CartItem),
    ...Totals,
    currency: Currency,
    discountCode: text,
    itemCount: z.number().int(),
    createdAt: DateTime,
    updatedAt: DateTime,
    expiresAt: DateTime.meta({ description: "30 days after the last change; an expired cart answers 410." }),
  })
)

export const ShippingMethod = component(
  "ShippingMethod",
  z.object({
    id: z.string().meta({ description: "standard, express or same_day: the order's shippingMethod" }),
    name: z.string(),
    description: z.string(),
    price: Money,
    estimatedDays: z.string().meta({ examples: ["3-5", "Same day"] }),
    isDefault: z.boolean(),
    available: z.boolean().meta({ description: "false where the governorate does not offer it (same day outside Amman)" }),
    shippingOptionId: z.string().meta({ description: "Medusa's shipping option, for /store clients" }),
  })
)

export const Order = component(
  "Order",
  z.object({
    id: z.string(),
    orderNumber: text.meta({ description: "SKN-{YYYY}-{NNNNNN}", examples: ["SKN-2025-001234"] }),
    status: z.enum(ORDER_STATUSES),
    paymentStatus: z.enum(PAYMENT_STATUSES),
    customerId: text.meta({ description: "null for guest orders" }),
    items: z.array(OrderLine),
    ...Totals,
    currency: Currency,
    shippingAddress: Address.nullable(),
    billingAddress: Address.nullable(),
    shippingMethod: z
      .object({ id: text, name: text, price: Money, estimatedDays: text })
      .nullable(),
    paymentMethod: z.enum(PAYMENT_METHODS).nullable(),
    estimatedDelivery: text.meta({ description: "YYYY-MM-DD in Asia/Amman: the earliest business day of the range" }),
    trackingNumber: text,
    notes: text,
    createdAt: DateTime,
    updatedAt: DateTime,
  })
)

export const OrderSummary = component(
  "OrderSummary",
  z.object({ id: z.string(), orderNumber: text, total: Money, status: z.string(), createdAt: DateTime })
)

export const Customer = component(
  "Customer",
  z.object({
    id: z.string(),
    email: z.string(),
    firstName: text,
    lastName: text,
    phone: text,
    dateOfBirth: text.meta({ description: "YYYY-MM-DD" }),
    skinProfile: z.object({ skinType: z.enum(SKIN_TYPES).nullable(), skinConcerns: z.array(z.enum(CONCERNS)) }),
    emailVerified: z.boolean(),
    addresses: z.array(CustomerAddress),
    orders: z.array(OrderSummary).optional().meta({ description: "The order history, newest first (GET and PUT only)" }),
    createdAt: DateTime,
    updatedAt: DateTime,
  })
)

export const Tokens = component(
  "Tokens",
  z.object({
    accessToken: z.string().meta({ description: "A Medusa customer JWT: send as Authorization: Bearer on /api/v1 and /store" }),
    refreshToken: z.string().meta({ description: "Single use: POST /api/v1/auth/refresh answers the next one" }),
    expiresIn: z.number().int().meta({ description: "Seconds the access token lives (900)" }),
  })
)

/** `{ data }` or `{ data, message }` around a registered shape, registered under `id`. */
export const answer = (id: string, data: z.ZodType, message = false) =>
  component(id, z.object(message ? { data, message: z.string() } : { data }))

/** `{ data: [...], pagination }`. */
export const listAnswer = (id: string, item: z.ZodType) =>
  component(id, z.object({ data: z.array(item), pagination: Pagination }))

import { z } from "@medusajs/framework/zod"
import { AddCartItemBody, CreateCartBody, UpdateCartItemBody } from "../api/v1/cart/validators"
import type { Operation } from "./registry"
import { component } from "./registry"
import { answer, Cart } from "./schemas"

const CartAnswer = answer("CartAnswer", Cart)
const CartChangeAnswer = answer("CartChangeAnswer", Cart, true)
const MessageAnswer = component("MessageAnswer", z.object({ message: z.string() }))

/** A USD cart with one line: 2 x 29.50 = 59.00, 8% tax 4.72, no delivery chosen yet. */
export const cartExample = {
  id: "cart_01JH8Z0B1C2D3E4F5G6H7J8K9M",
  customerId: null,
  items: [
    {
      id: "cali_01JH8Z0C4D5E6F7G8H9J0K1M2N",
      productId: "prod_01JH8Y3Q6V9K2M4N5P7R8S9T0A",
      variantId: "variant_01JH8Y3Q6W",
      quantity: 2,
      unitPrice: 2950,
      totalPrice: 5900,
      product: { name: "Vitamin C Serum", image: "/static/vitamin-c-serum.png", slug: "vitamin-c-serum" },
      variant: { name: "30ml", sku: "SKN-SER-VC-30", available: true, inventoryCount: 148 },
    },
  ],
  subtotal: 5900,
  tax: 472,
  shipping: 0,
  discount: 0,
  total: 6372,
  currency: "USD",
  discountCode: null,
  itemCount: 2,
  createdAt: "2025-01-15T10:00:00.000Z",
  updatedAt: "2025-01-15T10:15:00.000Z",
  expiresAt: "2025-02-14T10:15:00.000Z",
}

const cartId = { cartId: "The cart's id (cart_...): for a guest, the cart id is the key to the cart" }
const itemId = { ...cartId, itemId: "The line's id (cali_...) from the cart's items" }
/** What every route on one cart can answer besides its own errors. */
const cartErrors = {
  401: "The cart belongs to a customer and no valid token was sent",
  403: "The cart belongs to another customer",
  404: "No such cart",
  410: { description: "The cart expired (30 days without a change)", code: "GONE" as const },
}
const cartChangeErrors = {
  ...cartErrors,
  409: "The cart was already ordered, or another change to it is still running",
}

export const cartOperations: Operation[] = [
  {
    method: "post",
    path: "/api/v1/cart",
    tag: "Cart",
    summary: "Create a cart",
    description:
      "The currency picks the region: USD (United States, 8% tax added) or JOD (Jordan, prices include 16% GST). " +
      "With a customer's token the cart is theirs; without one it is a guest cart.",
    auth: "optional",
    body: CreateCartBody,
    bodyExamples: {
      guest: { summary: "A guest cart in Jordanian dinars", value: { currency: "JOD" } },
      customer: { summary: "A signed-in customer's cart", value: { customerId: "cus_01JH8Z4R5S6T7V8W9X0Y1Z2A3B", currency: "USD" } },
    },
    success: {
      status: 201,
      description: "The new, empty cart",
      schema: CartAnswer,
      examples: {
        empty: {
          summary: "An empty guest cart",
          value: { data: { ...cartExample, items: [], subtotal: 0, tax: 0, total: 0, itemCount: 0 } },
        },
      },
    },
    errors: {
      400: "currency missing or not USD/JOD, or an unknown field",
      401: "customerId given without a valid token",
      403: "customerId is another customer",
    },
  },
  {
    method: "get",
    path: "/api/v1/cart/{cartId}",
    tag: "Cart",
    summary: "Get a cart",
    description: "Lines with stock now, totals in minor units and when the cart expires.",
    auth: "optional",
    pathParams: cartId,
    success: { status: 200, description: "The cart", schema: CartAnswer, examples: { usd: { summary: "One line in USD", value: { data: cartExample } } } },
    errors: cartErrors,
  },
  {
    method: "delete",
    path: "/api/v1/cart/{cartId}",
    tag: "Cart",
    summary: "Clear a cart",
    description: "Removes every line and any discount code; the cart itself stays.",
    auth: "optional",
    pathParams: cartId,
    success: { status: 200, description: "Cleared", schema: MessageAnswer },
    errors: cartChangeErrors,
  },
  {
    method: "post",
    path: "/api/v1/cart/{cartId}/items",
    tag: "Cart",
    summary: "Add an item",
    description: "Adds the variant (or raises the quantity of its line). At most 10 units per line (CART_MAX_QUANTITY_PER_ITEM).",
    auth: "optional",
    pathParams: cartId,
    body: AddCartItemBody,
    bodyExamples: {
      one: { summary: "One 30 ml serum", value: { productId: "prod_01JH8Y3Q6V9K2M4N5P7R8S9T0A", variantId: "variant_01JH8Y3Q6W", quantity: 1 } },
    },
    success: { status: 200, description: "The updated cart", schema: CartChangeAnswer },
    errors: {
      400: "Invalid product or variant id, or the product is not for sale",
      ...cartChangeErrors,
      409: { description: "Insufficient inventory (details name the variant), or the cart is ordered or busy", code: "INVENTORY_ERROR" },
      422: "Quantity not a whole number above 0, or above the per-line maximum",
    },
  },
  {
    method: "put",
    path: "/api/v1/cart/{cartId}/items/{itemId}",
    tag: "Cart",
    summary: "Change an item's quantity",
    auth: "optional",
    pathParams: itemId,
    body: UpdateCartItemBody,
    bodyExamples: { three: { summary: "Three units", value: { quantity: 3 } } },
    success: { status: 200, description: "The updated cart", schema: CartChangeAnswer },
    errors: {
      400: "quantity missing or not a number",
      ...cartChangeErrors,
      404: "No such cart, or no such line in it",
      409: { description: "Insufficient inventory, or the cart is ordered or busy", code: "INVENTORY_ERROR" },
      422: "Quantity not a whole number above 0, or above the per-line maximum",
    },
  },
  {
    method: "delete",
    path: "/api/v1/cart/{cartId}/items/{itemId}",
    tag: "Cart",
    summary: "Remove an item",
    description: "A discount code whose minimum is no longer met is dropped; the message says so.",
    auth: "optional",
    pathParams: itemId,
    success: { status: 200, description: "The updated cart", schema: CartChangeAnswer },
    errors: { ...cartChangeErrors, 404: "No such cart, or no such line in it" },
  },
]

import { z } from "@medusajs/framework/zod"
import { CreateOrderBody, ListOrdersQuery, PayOrderBody } from "../api/v1/orders/validators"
import { OrderEventsQuery } from "../api/v1/orders/[id]/events/validators"
import type { Operation } from "./registry"
import { answer, listAnswer, Order } from "./schemas"

const OrderAnswer = answer("OrderAnswer", Order)
const OrderCreatedAnswer = answer("OrderCreatedAnswer", Order, true)
const OrderList = listAnswer("OrderList", Order)
const PaymentAnswer = answer(
  "PaymentAnswer",
  z.object({
    paymentIntent: z
      .object({
        id: z.string(),
        clientSecret: z.string().nullable().meta({ description: "For Stripe.js handleNextAction when status is requires_action" }),
        status: z.string().meta({ examples: ["requires_action", "processing", "succeeded"] }),
      })
      .optional()
      .meta({ description: "Card payments only" }),
    order: Order,
  }),
  true
)
const TicketAnswer = answer(
  "TicketAnswer",
  z.object({ ticket: z.string(), expiresIn: z.number().int().meta({ description: "Seconds (60); single use" }) })
)

const address = {
  firstName: "Ahmed",
  lastName: "Khalil",
  email: "ahmed@example.com",
  phone: "+962791234567",
  country: "JO",
  city: "Amman",
  governorate: "Amman",
  postalCode: "11118",
  street: "Queen Rania Street",
  building: "Building 15",
  apartment: "Apt 3A",
  instructions: "Ring doorbell twice",
}

/** A JOD cash-on-delivery order: 2 x 21.500 JOD + 5 JOD delivery = 48.000 JOD, 16% GST included (6.621). */
export const orderExample = {
  id: "order_01JH8Z6C7D8E9F0G1H2J3K4M5N",
  orderNumber: "SKN-2025-001234",
  status: "pending",
  paymentStatus: "pending",
  customerId: null,
  items: [
    {
      id: "ordli_01JH8Z6D",
      productId: "prod_01JH8Y3Q6V9K2M4N5P7R8S9T0A",
      variantId: "variant_01JH8Y3Q6W",
      quantity: 2,
      unitPrice: 21500,
      totalPrice: 43000,
      product: { name: "Vitamin C Serum", image: "/static/vitamin-c-serum.png", slug: "vitamin-c-serum" },
      variant: { name: "30ml", sku: "SKN-SER-VC-30" },
    },
  ],
  subtotal: 43000,
  tax: 6621,
  shipping: 5000,
  discount: 0,
  total: 48000,
  currency: "JOD",
  shippingAddress: address,
  billingAddress: address,
  shippingMethod: { id: "standard", name: "Standard Delivery", price: 5000, estimatedDays: "3-5" },
  paymentMethod: "cash_on_delivery",
  estimatedDelivery: "2025-01-20",
  trackingNumber: null,
  notes: "Please handle with care",
  createdAt: "2025-01-15T10:30:00.000Z",
  updatedAt: "2025-01-15T10:30:00.000Z",
}

const idempotencyKey = {
  name: "Idempotency-Key",
  description:
    "Optional: 1-255 letters, digits or . _ : -. The same key and body within 24 h answer the first answer again " +
    "(Idempotent-Replayed: true) without doing the work twice; the same key with another body is a 409.",
  example: "checkout-5f2b9c1e",
}
const orderId = { id: "The order's id (order_...): for a guest, the order id is the key to the order" }
const orderAccess = {
  401: "The order belongs to a customer and no valid token was sent",
  403: "The order belongs to another customer",
  404: "No such order",
}

export const orderOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/orders",
    tag: "Orders",
    summary: "List the customer's orders",
    auth: "customer",
    query: ListOrdersQuery,
    queryDocs: {
      page: "Page number, from 1 (default 1).",
      limit: "Orders per page, 1-100 (default 20).",
      number: "Only the order with this number (SKN-2025-000123), if it is the customer's.",
    },
    success: { status: 200, description: "Newest first", schema: OrderList },
    errors: { 400: "Bad page, limit or number", 401: "No valid customer token" },
  },
  {
    method: "post",
    path: "/api/v1/orders",
    tag: "Orders",
    summary: "Place an order from a cart",
    description:
      "Checks stock, discount minimums, expiry, the address and that the delivery method serves it, then makes the " +
      "order (status pending, paymentStatus pending) and reserves its stock. Then pay it: POST /api/v1/orders/{id}/payment. " +
      "Cash on delivery is offered in Jordan only; cards (stripe) in both regions.",
    auth: "optional",
    headers: [idempotencyKey],
    body: CreateOrderBody,
    bodyExamples: {
      cod: {
        summary: "Cash on delivery in Amman",
        value: {
          cartId: "cart_01JH8Z0B1C2D3E4F5G6H7J8K9M",
          shippingAddress: address,
          billingAddress: "same",
          shippingMethod: "standard",
          paymentMethod: "cash_on_delivery",
          notes: "Please handle with care",
        },
      },
    },
    success: {
      status: 201,
      description: "The order",
      schema: OrderCreatedAnswer,
      examples: { cod: { summary: "Cash on delivery in JOD", value: { data: orderExample, message: "Order created successfully" } } },
    },
    errors: {
      400: "Invalid cart or customer data: cart not found or empty, customerId not the signed-in customer, bad fields",
      401: "The cart belongs to a customer and no valid token was sent",
      403: "The cart belongs to another customer",
      409: {
        description: "Inventory insufficient for one or more items (details name each), the cart already ordered, or the Idempotency-Key reused with another body",
        code: "INVENTORY_ERROR",
      },
      410: { description: "The cart expired", code: "GONE" },
      422: "Validation errors in the address (missing name, email or E.164 phone; unknown governorate; country outside the region) or the payment or delivery method (cash on delivery outside Jordan, same day outside Amman)",
    },
  },
  {
    method: "get",
    path: "/api/v1/orders/{id}",
    tag: "Orders",
    summary: "Get an order",
    auth: "optional",
    pathParams: orderId,
    success: { status: 200, description: "The order", schema: OrderAnswer, examples: { cod: { summary: "Cash on delivery", value: { data: orderExample } } } },
    errors: orderAccess,
  },
  {
    method: "post",
    path: "/api/v1/orders/{id}/payment",
    tag: "Orders",
    summary: "Pay an order",
    description:
      "cash_on_delivery confirms the order (status confirmed, paymentStatus pending until the courier collects and " +
      "the merchant captures it in Admin). stripe confirms a PaymentIntent for the order total with the Stripe " +
      "payment method id from Stripe.js: 3-D Secure answers 200 with status requires_action and the client secret; " +
      "the order turns paid when Stripe's webhook reports success.",
    auth: "optional",
    pathParams: orderId,
    headers: [idempotencyKey],
    body: PayOrderBody,
    bodyExamples: {
      cod: { summary: "Cash on delivery", value: { paymentMethod: "cash_on_delivery", confirmationRequired: true } },
      card: { summary: "Card (Stripe)", value: { paymentMethod: "stripe", paymentMethodId: "pm_card_visa", savePaymentMethod: false } },
    },
    success: {
      status: 200,
      description: "The order after the payment step (and the PaymentIntent for cards)",
      schema: PaymentAnswer,
      examples: {
        cod: {
          summary: "Cash on delivery confirmed",
          value: { data: { order: { ...orderExample, status: "confirmed" } }, message: "Order confirmed for cash on delivery" },
        },
        card: {
          summary: "Card needs 3-D Secure",
          value: {
            data: {
              paymentIntent: { id: "pi_3QhXyz", clientSecret: "pi_3QhXyz_secret_abc", status: "requires_action" },
              order: { ...orderExample, currency: "USD", paymentMethod: "stripe", paymentStatus: "processing" },
            },
            message: "Card authentication required",
          },
        },
      },
    },
    errors: {
      400: "Invalid payment method or order: the order is paid the other way, or savePaymentMethod without a signed-in customer",
      ...orderAccess,
      402: { description: "Payment failed: the card was declined (details carry Stripe's code and declineCode)", code: "PAYMENT_ERROR" },
      409: "Order already paid, refunded or cancelled; cash order already confirmed; or the Idempotency-Key reused with another body",
    },
  },
  {
    method: "get",
    path: "/api/v1/orders/{id}/events",
    tag: "Live updates",
    summary: "Follow an order's status (Server-Sent Events)",
    description:
      "text/event-stream: first the current state, then one `order.status` event per change " +
      "({ status, paymentStatus, trackingNumber }), numbered per order; heartbeat comments every 20 s. Guests by " +
      "order id; a customer's order needs `ticket` (EventSource sends no headers) or a Bearer token.",
    auth: "optional",
    pathParams: orderId,
    query: OrderEventsQuery,
    queryDocs: {
      ticket: "A single-use ticket from POST /api/v1/orders/{id}/events/ticket (60 s).",
      lastEventId: "Resume after this event id (what the Last-Event-ID header says on a reconnect).",
    },
    headers: [{ name: "Last-Event-ID", description: "Resume after this event id; the browser sends it when it reconnects." }],
    success: { status: 200, description: "The event stream", contentType: "text/event-stream" },
    errors: {
      ...orderAccess,
      401: "Unknown, used or expired ticket, or a customer's order without a ticket or token",
      403: "The ticket or token is for another order or customer",
      429: "Too many open streams from this address",
    },
  },
  {
    method: "post",
    path: "/api/v1/orders/{id}/events/ticket",
    tag: "Live updates",
    summary: "Get a ticket for the order's event stream",
    auth: "customer",
    pathParams: orderId,
    success: { status: 201, description: "A 60-second single-use ticket", schema: TicketAnswer },
    errors: { ...orderAccess, 401: "No valid customer token" },
  },
]

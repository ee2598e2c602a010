import { z } from "@medusajs/framework/zod"
import { InventoryQuery, ReserveBody } from "../api/v1/inventory/validators"
import { InventoryEventsQuery } from "../api/v1/inventory/events/validators"
import type { Operation } from "./registry"
import { answer, DateTime } from "./schemas"

const Availability = answer(
  "AvailabilityAnswer",
  z.object({
    productId: z.string(),
    variantId: z.string(),
    inventoryCount: z.number().int().meta({ description: "What can be sold now: stocked - reserved - held by other carts" }),
    available: z.boolean(),
    lowStock: z.boolean().meta({ description: "inventoryCount <= lowStockThreshold" }),
    lowStockThreshold: z.number().int().meta({ description: "Per variant, set by the merchant (default 10)" }),
  })
)
const Reservation = answer("ReservationAnswer", z.object({ reservationId: z.string(), expiresAt: DateTime }))

export const inventoryOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/inventory/{productId}/variants/{variantId}",
    salesChannel: true,
    tag: "Inventory",
    summary: "Check a variant's stock",
    auth: "none",
    pathParams: { productId: "The product's id (prod_...)", variantId: "The variant's id (variant_...)" },
    query: InventoryQuery,
    queryDocs: { cartId: "The caller's cart: its own hold counts as available to it." },
    success: {
      status: 200,
      description: "Stock now",
      schema: Availability,
      examples: {
        plenty: {
          summary: "Plenty",
          value: { data: { productId: "prod_123", variantId: "variant_123", inventoryCount: 150, available: true, lowStock: false, lowStockThreshold: 10 } },
        },
      },
    },
    errors: { 400: "Not a product id or variant id", 404: "No such variant of this product" },
  },
  {
    method: "post",
    path: "/api/v1/inventory/reserve",
    tag: "Inventory",
    summary: "Hold stock for a cart",
    description:
      "Holds the items for reservationMinutes (1-60, default 15): all or none. A cart has one live hold; reserving " +
      "again replaces it. Held stock is unavailable to every other cart; this cart's order consumes it.",
    auth: "optional",
    body: ReserveBody,
    bodyExamples: {
      hold: {
        summary: "Two units for 15 minutes",
        value: { cartId: "cart_123", items: [{ productId: "prod_123", variantId: "variant_123", quantity: 2 }], reservationMinutes: 15 },
      },
    },
    success: {
      status: 201,
      description: "The hold",
      schema: Reservation,
      examples: { hold: { summary: "Held", value: { data: { reservationId: "res_01JH8Z8K", expiresAt: "2025-01-15T10:45:00.000Z" } } } },
    },
    errors: {
      400: "Bad items (1-100, quantity 1-10000) or reservationMinutes outside 1-60",
      401: "The cart belongs to a customer and no valid token was sent",
      403: "The cart belongs to another customer",
      404: "No such cart",
      409: { description: "Not enough stock (details name each short variant), or the cart was ordered", code: "INVENTORY_ERROR" },
      410: { description: "The cart expired", code: "GONE" },
      422: "An item is not a line of the cart, or asks more than the line's quantity",
    },
  },
  {
    method: "get",
    path: "/api/v1/inventory/events",
    tag: "Live updates",
    summary: "Follow variants' stock (Server-Sent Events)",
    description:
      "text/event-stream: one `stock` event per variant with its figures now, then one per change " +
      "({ variantId, inventoryCount, lowStock }).",
    auth: "none",
    query: InventoryEventsQuery,
    queryDocs: { variantIds: "Comma-separated variant ids, 1 to 50." },
    success: { status: 200, description: "The event stream", contentType: "text/event-stream" },
    errors: { 400: "variantIds missing, empty, over 50 or not variant ids", 404: "An unknown variant", 429: "Too many open streams from this address" },
  },
]

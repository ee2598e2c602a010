import type { MiddlewareRoute } from "@medusajs/framework/http"
import { cartGuard, fromBody, fromParam } from "../../../http/cart-guard"

/** The cart rules and queue of src/api/http/cart-guard.ts, for /api/v1's cart and checkout routes. */
export const apiCartMiddlewares: MiddlewareRoute[] = [
  { matcher: "/api/v1/cart/:cartId", methods: ["GET", "DELETE"], middlewares: [cartGuard(fromParam("cartId"))] },
  {
    matcher: "/api/v1/cart/:cartId/items",
    methods: ["POST"],
    middlewares: [cartGuard(fromParam("cartId"))],
  },
  {
    matcher: "/api/v1/cart/:cartId/items/:itemId",
    methods: ["PUT", "DELETE"],
    middlewares: [cartGuard(fromParam("cartId"))],
  },
  { matcher: "/api/v1/checkout/shipping", methods: ["POST"], middlewares: [cartGuard(fromBody("cartId"))] },
  {
    matcher: "/api/v1/checkout/discount",
    methods: ["POST", "DELETE"],
    middlewares: [cartGuard(fromBody("cartId"))],
  },
]

import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"
import { cartGuard, fromBody, fromParam, fromPaymentCollection, fromQuery } from "../http/cart-guard"
import { ensureGuestCustomer } from "../http/guest-customer"
import { alignPaymentAmount } from "../http/payment-amount"

const customerIfSignedIn = authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })

/**
 * Medusa's public /store cart routes pass the same cart rules as /api/v1
 * (ownership, expiry, ordered carts, one queue per cart); the discount and
 * line rules live in the workflows both APIs run.
 */
export const storeCartMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/carts*", middlewares: [customerIfSignedIn] },
  { matcher: "/store/payment-collections*", middlewares: [customerIfSignedIn] },
  { matcher: "/store/shipping-options*", middlewares: [customerIfSignedIn] },
  { matcher: "/store/carts/:id", methods: ["GET"], middlewares: [cartGuard(fromParam("id"))] },
  { matcher: "/store/carts/:id", methods: ["POST"], middlewares: [cartGuard(fromParam("id")), ensureGuestCustomer] },
  { matcher: "/store/carts", methods: ["POST"], middlewares: [ensureGuestCustomer] },
  ...["customer", "line-items", "promotions", "taxes", "shipping-methods"].map(
    (tail): MiddlewareRoute => ({
      matcher: `/store/carts/:id/${tail}`,
      methods: ["POST", "DELETE"],
      middlewares: [cartGuard(fromParam("id"))],
    })
  ),
  {
    matcher: "/store/carts/:id/line-items/:line_id",
    methods: ["POST", "DELETE"],
    middlewares: [cartGuard(fromParam("id"))],
  },
  {
    matcher: "/store/carts/:id/complete",
    methods: ["POST"],
    middlewares: [cartGuard(fromParam("id"), { allowCompleted: true }), alignPaymentAmount(fromParam("id"))],
  },
  { matcher: "/store/payment-collections", methods: ["POST"], middlewares: [cartGuard(fromBody("cart_id"))] },
  {
    matcher: "/store/payment-collections/:id/payment-sessions",
    methods: ["POST"],
    middlewares: [cartGuard(fromPaymentCollection("id")), alignPaymentAmount(fromPaymentCollection("id"))],
  },
  { matcher: "/store/shipping-options", methods: ["GET"], middlewares: [cartGuard(fromQuery("cart_id"))] },
  {
    matcher: "/store/shipping-options/:id/calculate",
    methods: ["POST"],
    middlewares: [cartGuard(fromBody("cart_id"))],
  },
]

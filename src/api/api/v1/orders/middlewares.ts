import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"
import { cartGuard, fromBody } from "../../../http/cart-guard"
import { idempotent } from "../../../http/idempotency"
import { requireCustomer } from "../../../http/require-customer"
import { validateBody, validateQuery } from "../../../http/validate"
import { ADDRESS_FIELDS, CreateOrderBody, ListOrdersQuery, PayOrderBody } from "./validators"

const customerIfSignedIn = authenticate("customer", ["bearer"], { allowUnauthenticated: true })

// A bad address is a 422 (the requirements' "validation errors in address"); other bad input 400.
const orderBodyStatus = (issues: { path: PropertyKey[] }[]) =>
  issues.every((issue) => ADDRESS_FIELDS.includes(String(issue.path[0]))) ? 422 : 400

export const apiOrderMiddlewares: MiddlewareRoute[] = [
  { matcher: "/api/v1/orders", methods: ["GET"], middlewares: [requireCustomer(), validateQuery(ListOrdersQuery)] },
  {
    // Guests order without a token; the cart guard holds the cart's rules and queue.
    matcher: "/api/v1/orders",
    methods: ["POST"],
    middlewares: [
      customerIfSignedIn,
      idempotent(),
      validateBody(CreateOrderBody, { status: orderBodyStatus }),
      cartGuard(fromBody("cartId")),
    ],
  },
  {
    // Guest orders are read by id; a customer's token makes their orders theirs.
    matcher: "/api/v1/orders/:id",
    methods: ["GET"],
    middlewares: [customerIfSignedIn],
  },
  {
    // Live updates: guests by order id, customers by ticket (or Bearer token).
    matcher: "/api/v1/orders/:id/events",
    methods: ["GET"],
    middlewares: [customerIfSignedIn],
  },
  { matcher: "/api/v1/orders/:id/events/ticket", methods: ["POST"], middlewares: [requireCustomer()] },
  {
    matcher: "/api/v1/orders/:id/payment",
    methods: ["POST"],
    middlewares: [customerIfSignedIn, idempotent(), validateBody(PayOrderBody)],
  },
]

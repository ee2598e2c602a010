import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"
import { requireCustomer } from "../../../http/require-customer"
import { validateQuery } from "../../../http/validate"
import { ListOrdersQuery } from "./validators"

export const apiOrderMiddlewares: MiddlewareRoute[] = [
  { matcher: "/api/v1/orders", methods: ["GET"], middlewares: [requireCustomer(), validateQuery(ListOrdersQuery)] },
  {
    // Guest orders are read by id; a customer's token makes their orders theirs.
    matcher: "/api/v1/orders/:id",
    methods: ["GET"],
    middlewares: [authenticate("customer", ["bearer"], { allowUnauthenticated: true })],
  },
]

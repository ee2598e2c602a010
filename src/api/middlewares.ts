import { authenticate, defineMiddlewares } from "@medusajs/framework/http"
import { apiCors } from "./http/cors"
import { apiErrorHandler } from "./http/error-handler"
import { rejectUnknownRoutes } from "./http/not-found"
import { requestContext } from "./http/request-context"
import { validateBody } from "./http/validate"
import {
  AddCartItemBody,
  CreateCartBody,
  UpdateCartItemBody,
} from "./api/v1/cart/validators"

const ONE_MEGABYTE = "1mb"

export default defineMiddlewares({
  errorHandler: apiErrorHandler,
  routes: [
    {
      matcher: "/api/v1*",
      bodyParser: { sizeLimit: ONE_MEGABYTE },
      middlewares: [requestContext, apiCors, rejectUnknownRoutes],
    },
    {
      // Guests use carts by id; a customer's token makes their carts theirs.
      matcher: "/api/v1/cart*",
      middlewares: [authenticate("customer", ["bearer"], { allowUnauthenticated: true })],
    },
    { matcher: "/api/v1/cart", methods: ["POST"], middlewares: [validateBody(CreateCartBody)] },
    {
      matcher: "/api/v1/cart/:cartId/items",
      methods: ["POST"],
      middlewares: [validateBody(AddCartItemBody)],
    },
    {
      matcher: "/api/v1/cart/:cartId/items/:itemId",
      methods: ["PUT"],
      middlewares: [validateBody(UpdateCartItemBody)],
    },
    {
      matcher: "/api/webhooks*",
      // Stripe signs the exact bytes it sent: keep them for verification.
      bodyParser: { sizeLimit: ONE_MEGABYTE, preserveRawBody: true },
      middlewares: [requestContext, rejectUnknownRoutes],
    },
  ],
})

import { defineMiddlewares } from "@medusajs/framework/http"
import { apiCors } from "./http/cors"
import { apiErrorHandler } from "./http/error-handler"
import { rejectUnknownRoutes } from "./http/not-found"
import { requestContext } from "./http/request-context"

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
      matcher: "/api/webhooks*",
      // Stripe signs the exact bytes it sent: keep them for verification.
      bodyParser: { sizeLimit: ONE_MEGABYTE, preserveRawBody: true },
      middlewares: [requestContext, rejectUnknownRoutes],
    },
  ],
})

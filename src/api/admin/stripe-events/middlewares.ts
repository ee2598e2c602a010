import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../http/validate"
import { AdminListStripeEventsQuery } from "./validators"

export const adminStripeEventMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/stripe-events", methods: ["GET"], middlewares: [validateQuery(AdminListStripeEventsQuery)] },
]

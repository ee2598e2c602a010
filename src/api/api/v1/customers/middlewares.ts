import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { UpdateSkinProfileBody } from "../../../admin/customers/[id]/skin-profile/validators"
import { requireCustomer } from "../../../http/require-customer"
import { validateBody, validateQuery } from "../../../http/validate"
import {
  CreateAddressBody,
  RecommendationsQuery,
  RegisterCustomerBody,
  UpdateAddressBody,
  UpdateCustomerBody,
} from "./validators"

const signedIn = requireCustomer()

/** Customer accounts under /api/v1 (register is open; the rest need the customer's own token) and the Admin skin profile. */
export const apiCustomerMiddlewares: MiddlewareRoute[] = [
  { matcher: "/api/v1/customers", methods: ["POST"], middlewares: [validateBody(RegisterCustomerBody)] },
  { matcher: "/api/v1/customers/:customerId", methods: ["GET", "DELETE"], middlewares: [signedIn] },
  { matcher: "/api/v1/customers/:customerId/export", methods: ["GET"], middlewares: [signedIn] },
  {
    matcher: "/api/v1/customers/:customerId",
    methods: ["PUT"],
    middlewares: [signedIn, validateBody(UpdateCustomerBody)],
  },
  { matcher: "/api/v1/customers/:customerId/addresses", methods: ["GET"], middlewares: [signedIn] },
  {
    matcher: "/api/v1/customers/:customerId/addresses",
    methods: ["POST"],
    middlewares: [signedIn, validateBody(CreateAddressBody)],
  },
  {
    matcher: "/api/v1/customers/:customerId/addresses/:addressId",
    methods: ["GET", "DELETE"],
    middlewares: [signedIn],
  },
  {
    matcher: "/api/v1/customers/:customerId/addresses/:addressId",
    methods: ["PUT"],
    middlewares: [signedIn, validateBody(UpdateAddressBody)],
  },
  {
    matcher: "/api/v1/customers/:customerId/recommendations",
    methods: ["GET"],
    middlewares: [signedIn, validateQuery(RecommendationsQuery)],
  },
  {
    matcher: "/admin/customers/:id/skin-profile",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(UpdateSkinProfileBody)],
  },
]

import { authenticate, defineMiddlewares, validateAndTransformBody } from "@medusajs/framework/http"
import { apiCors } from "./http/cors"
import { apiErrorHandler } from "./http/error-handler"
import { rejectUnknownRoutes } from "./http/not-found"
import { requestContext, requestScope } from "./http/request-context"
import { validateBody, validateQuery } from "./http/validate"
import { rejectUnsafeInput } from "./http/input-guard"
import { limitStoreStrings } from "./http/store-limits"
import { requireCustomer } from "./http/require-customer"
import { hidePoweredBy } from "./http/powered-by"
import { databaseGuard } from "./http/database-guard"
import { privateAnswers, publicCatalogueMiddlewares } from "./http/http-cache"
import {
  AddCartItemBody,
  CreateCartBody,
  UpdateCartItemBody,
} from "./api/v1/cart/validators"
import {
  CreateReviewBody,
  ListProductsQuery,
  ListReviewsQuery,
  SearchProductsQuery,
} from "./api/v1/products/validators"
import { AdminListReviewsQuery, AdminSetReviewStatusBody } from "./admin/reviews/validators"
import { UpdateProductSkincareBody } from "./admin/products/[id]/skincare/validators"
import { UpdateShippingRulesBody } from "./admin/shipping-rules/validators"
import { SetPublicHolidaysBody } from "./admin/public-holidays/validators"
import { SetPromotionMinimumsBody } from "./admin/promotions/[id]/minimums/validators"
import { SetLowStockThresholdBody } from "./admin/variants/[id]/low-stock-threshold/validators"
import { ApplyDiscountBody, RemoveDiscountBody, ShippingQuoteBody } from "./api/v1/checkout/validators"
import { storeCartMiddlewares } from "./store/middlewares"
import { apiCartMiddlewares } from "./api/v1/cart/middlewares"
import { ReserveBody } from "./api/v1/inventory/validators"
import { cartGuard, fromBody } from "./http/cart-guard"
import { apiOrderMiddlewares } from "./api/v1/orders/middlewares"
import { adminStripeEventMiddlewares } from "./admin/stripe-events/middlewares"
import { apiAuthMiddlewares } from "./api/v1/auth/middlewares"
import { apiCustomerMiddlewares } from "./api/v1/customers/middlewares"
import { openApiMiddlewares } from "./openapi/middlewares"
import { rateLimitMiddlewares } from "./http/rate-limit"
import { adminAuditMiddlewares } from "./admin/audit-entries/middlewares"

const ONE_MEGABYTE = "1mb"

export default defineMiddlewares({
  errorHandler: apiErrorHandler,
  routes: [
    // First of ours, on bare prefixes: express decodes no path param for
    // them, so a broken escape is our 400 rather than a URIError 500.
    // requestScope: request id, latency/error metrics and the log context for every route.
    { matcher: "/", middlewares: [hidePoweredBy, requestScope] },
    // Per IP, email and admin key; the address limits also run before Medusa's authentication.
    ...rateLimitMiddlewares(),
    // A PostgreSQL outage answers 503 at once instead of hanging every request.
    ...["/api/v1", "/api/webhooks", "/store", "/auth", "/admin"].map((matcher) => ({ matcher, middlewares: [databaseGuard] })),
    { matcher: "/api/v1", middlewares: [rejectUnsafeInput] },
    { matcher: "/store", middlewares: [rejectUnsafeInput, limitStoreStrings] },
    { matcher: "/auth", middlewares: [rejectUnsafeInput, privateAnswers] },
    // Methods that carry bodies only: Medusa logs a debug line (formatted, then dropped) per parser
    // on every request a custom body parser config matches, ~5% of a cached catalogue read.
    { matcher: "/api/v1*", methods: ["POST", "PUT", "PATCH", "DELETE"], bodyParser: { sizeLimit: ONE_MEGABYTE } },
    {
      matcher: "/api/v1*",
      // Private unless publicCatalogueMiddlewares (below) says otherwise.
      middlewares: [requestContext, apiCors, privateAnswers, rejectUnknownRoutes],
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
      matcher: "/api/v1/checkout*",
      middlewares: [authenticate("customer", ["bearer"], { allowUnauthenticated: true })],
    },
    {
      matcher: "/api/v1/checkout/shipping",
      methods: ["POST"],
      middlewares: [validateBody(ShippingQuoteBody)],
    },
    {
      matcher: "/api/v1/checkout/discount",
      methods: ["POST"],
      middlewares: [validateBody(ApplyDiscountBody)],
    },
    {
      matcher: "/api/v1/checkout/discount",
      methods: ["DELETE"],
      middlewares: [validateBody(RemoveDiscountBody)],
    },
    {
      matcher: "/api/v1/inventory*",
      middlewares: [authenticate("customer", ["bearer"], { allowUnauthenticated: true })],
    },
    {
      // Validated first: the cart guard then takes a bounded string cartId.
      matcher: "/api/v1/inventory/reserve",
      methods: ["POST"],
      middlewares: [validateBody(ReserveBody), cartGuard(fromBody("cartId"))],
    },
    {
      matcher: "/admin/variants/:id/low-stock-threshold",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(SetLowStockThresholdBody)],
    },
    {
      matcher: "/admin/shipping-rules",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(UpdateShippingRulesBody)],
    },
    {
      matcher: "/admin/public-holidays",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(SetPublicHolidaysBody)],
    },
    {
      matcher: "/admin/promotions/:id/minimums",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(SetPromotionMinimumsBody)],
    },
    { matcher: "/api/v1/products", methods: ["GET"], middlewares: [validateQuery(ListProductsQuery)] },
    {
      matcher: "/api/v1/products/search",
      methods: ["GET"],
      middlewares: [validateQuery(SearchProductsQuery)],
    },
    {
      matcher: "/api/v1/products/:id/reviews",
      methods: ["GET"],
      middlewares: [validateQuery(ListReviewsQuery)],
    },
    {
      matcher: "/api/v1/products/:id/reviews",
      methods: ["POST"],
      middlewares: [requireCustomer(), validateBody(CreateReviewBody)],
    },
    {
      matcher: "/admin/reviews",
      methods: ["GET"],
      middlewares: [validateQuery(AdminListReviewsQuery)],
    },
    {
      matcher: "/admin/reviews/:id",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminSetReviewStatusBody)],
    },
    {
      matcher: "/admin/products/:id/skincare",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(UpdateProductSkincareBody)],
    },
    {
      matcher: "/api/webhooks*",
      // Stripe signs the exact bytes it sent: keep them for verification.
      bodyParser: { sizeLimit: ONE_MEGABYTE, preserveRawBody: true },
      middlewares: [requestContext, privateAnswers, rejectUnknownRoutes],
    },
    ...publicCatalogueMiddlewares,
    ...openApiMiddlewares,
    ...apiCartMiddlewares,
    ...apiOrderMiddlewares,
    ...adminStripeEventMiddlewares,
    ...adminAuditMiddlewares,
    ...apiAuthMiddlewares,
    ...apiCustomerMiddlewares,
    ...storeCartMiddlewares,
  ],
})

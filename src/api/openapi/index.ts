import { MedusaError } from "@medusajs/framework/utils"
import type { JsonAnswer } from "../../lib/catalogue-cache"
import { etagOf } from "../../lib/etag"
import { authOperations } from "./auth"
import { cartOperations } from "./cart"
import { checkoutOperations } from "./checkout"
import { customerOperations } from "./customers"
import { inventoryOperations } from "./inventory"
import { metaOperations } from "./meta"
import { orderOperations } from "./orders"
import { productOperations } from "./products"
import { componentId, componentSchemas, ErrorSpec, Operation, requestSchema } from "./registry"
import { ErrorAnswer } from "./schemas"

/** Every documented operation; the openapi spec checks them against the route files both ways. */
export const OPERATIONS: Operation[] = [
  ...productOperations,
  ...cartOperations,
  ...checkoutOperations,
  ...orderOperations,
  ...inventoryOperations,
  ...customerOperations,
  ...authOperations,
  ...metaOperations,
]

const TAGS = [
  { name: "Products", description: "The catalogue: public, cacheable (ETag, 304), prices in minor units." },
  { name: "Cart", description: "Guest carts by id; a customer's carts with their token. Carts expire 30 days after their last change." },
  { name: "Checkout", description: "Delivery quotes and discount codes." },
  { name: "Orders", description: "Place an order from a cart, then pay it (cash on delivery in Jordan, or card)." },
  { name: "Inventory", description: "Stock per variant and 15-minute holds." },
  { name: "Live updates", description: "Server-Sent Events for order status and stock." },
  { name: "Customers", description: "Accounts, addresses, skin profile and recommendations (own record only)." },
  { name: "Auth", description: "Sign in, token rotation, password reset and email verification." },
  { name: "Webhooks", description: "Stripe's events." },
  { name: "Operations", description: "Health." },
  { name: "Documentation", description: "This document and its interactive page." },
]

const DESCRIPTION = `Skinior Commerce's storefront API (Medusa 2 underneath; Medusa's own /store API works too).

**Money**: every amount is an integer in the currency's ISO 4217 minor unit: USD in cents, JOD in fils (1 JOD = 1000 fils, so 5 JOD = 5000). JOD amounts to pay are multiples of 10 fils. Jordan prices include 16% GST (\`tax\` is the GST contained in the total); US prices exclude tax (8% added at checkout).

**Envelopes**: \`{ "data": ..., "message"?: "..." }\`; lists add \`pagination\` { page, limit, total, totalPages, hasNext, hasPrev }. Creating routes answer 201.

**Errors**: \`{ "error": { "code", "message", "details"?: [{ "field", "message" }], "requestId" } }\`; \`requestId\` equals the X-Request-Id header.

**Auth**: \`Authorization: Bearer <accessToken>\` from POST /api/v1/auth/login or registration (15 minutes; refresh with the refresh token). Guests use carts and orders by id.

**Rate limits**: 100 requests per minute per IP across /api/v1, /store and /auth (health excepted); login, registration and password reset also 10 per minute per IP and per email. Over a limit: 429 RATE_LIMITED with Retry-After; RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset on every limited answer.`

const DEFAULT_CODE: Record<number, string> = {
  400: "VALIDATION_ERROR",
  401: "AUTHENTICATION_ERROR",
  402: "PAYMENT_ERROR",
  403: "AUTHORIZATION_ERROR",
  404: "RESOURCE_NOT_FOUND",
  409: "CONFLICT",
  410: "GONE",
  422: "VALIDATION_ERROR",
  429: "RATE_LIMITED",
  500: "INTERNAL_ERROR",
  503: "SERVICE_UNAVAILABLE",
}

// Every route can answer these (src/api/http/input-guard.ts, the rate limiter, the error handler).
const ALWAYS: Record<number, ErrorSpec> = {
  400: "Malformed input: NUL bytes, unpaired surrogates or broken percent-escapes in the path or query",
  429: "Too many requests from this address (Retry-After says when to retry)",
  500: "Something went wrong on our side (never a stack trace)",
  503: "The database or cache cannot be reached right now (Retry-After says when to retry)",
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` })

function errorResponse(status: number, spec: ErrorSpec) {
  const { description, code } = typeof spec === "string" ? { description: spec, code: DEFAULT_CODE[status] } : spec
  const retryAfter = { "Retry-After": { description: "Seconds to wait", schema: { type: "integer" } } }
  const headers =
    status === 429
      ? {
          ...retryAfter,
          "RateLimit-Limit": { description: "Requests allowed per window by the limit that refused", schema: { type: "integer" } },
          "RateLimit-Remaining": { description: "Requests left in the window (0)", schema: { type: "integer" } },
          "RateLimit-Reset": { description: "Seconds until the window ends", schema: { type: "integer" } },
        }
      : status === 503
        ? retryAfter
        : undefined
  return {
    description,
    ...(headers ? { headers } : {}),
    content: {
      "application/json": {
        schema: ref(componentId(ErrorAnswer)),
        example: { error: { code, message: description, requestId: "req_5f0c8a7e2b9d4c1f8e3a6b0d9c2e7f14" } },
      },
    },
  }
}

/** OpenAPI's name for a route file's path: /api/v1/cart/{cartId}. */
const operationId = (op: Operation) =>
  op.method +
  op.path
    .replace(/^\/api\/(v1\/)?/, "")
    .split(/[/.-]/)
    .filter(Boolean)
    .map((part) => part.replace(/[{}]/g, ""))
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join("")

function queryParameters(op: Operation) {
  if (!op.query) return []
  const schema = requestSchema(op.query) as { properties?: Record<string, Record<string, unknown>>; required?: string[] }
  return Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const description = op.queryDocs?.[name]
    // Every parameter says what it means: a validator's new field fails the openapi spec until documented.
    if (!description) throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `${op.method.toUpperCase()} ${op.path}: query parameter ${name} has no description`)
    const nested = property.type === "object"
    return {
      name,
      in: "query",
      required: schema.required?.includes(name) ?? false,
      description,
      schema: property,
      ...(nested ? { style: "deepObject", explode: true } : {}),
    }
  })
}

function parameters(op: Operation) {
  const path = Object.entries(op.pathParams ?? {}).map(([name, description]) => ({
    name,
    in: "path",
    required: true,
    description,
    schema: { type: "string", maxLength: 100 },
  }))
  const headers = (op.headers ?? []).map((header) => ({
    name: header.name,
    in: "header",
    required: header.required ?? false,
    description: header.description,
    schema: { type: "string" },
    ...(header.example ? { example: header.example } : {}),
  }))
  const channel = op.salesChannel ? [{ $ref: "#/components/parameters/PublishableKey" }] : []
  return [...path, ...queryParameters(op), ...headers, ...channel]
}

function successResponse(op: Operation) {
  const { description, schema, contentType = "application/json", examples } = op.success
  const headers = op.cacheable
    ? {
        ETag: { description: "Strong tag of the body: send it back as If-None-Match for a 304", schema: { type: "string" } },
        "Cache-Control": { description: "public, max-age=0, s-maxage=30, stale-while-revalidate=60", schema: { type: "string" } },
      }
    : undefined
  return {
    description,
    ...(headers ? { headers } : {}),
    content: {
      [contentType]: {
        schema: schema ? ref(componentId(schema)) : { type: "string" },
        ...(examples ? { examples } : {}),
      },
    },
  }
}

function operationObject(op: Operation) {
  const errors: Record<number, ErrorSpec> = { ...ALWAYS, ...op.errors }
  const responses: Record<string, unknown> = { [op.success.status]: successResponse(op) }
  if (op.cacheable) responses["304"] = { description: "Not modified: the If-None-Match tag still matches" }
  for (const status of Object.keys(errors).map(Number).sort((a, b) => a - b)) {
    responses[status] = errorResponse(status, errors[status])
  }
  const security =
    op.auth === "customer" ? [{ bearerAuth: [] }] : op.auth === "optional" ? [{}, { bearerAuth: [] }] : []
  return {
    operationId: operationId(op),
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    security,
    parameters: parameters(op),
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: requestSchema(op.body),
                ...(op.bodyExamples ? { examples: op.bodyExamples } : {}),
              },
            },
          },
        }
      : {}),
    responses,
  }
}

/** The OpenAPI 3.1 document of /api/v1 and /api/webhooks, from the routes' own zod validators. */
export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const op of OPERATIONS) {
    paths[op.path] ??= {}
    if (paths[op.path][op.method]) throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `${op.method.toUpperCase()} ${op.path} is documented twice`)
    paths[op.path][op.method] = operationObject(op)
  }
  return {
    openapi: "3.1.0",
    info: { title: "Skinior Commerce API", version: "1.0.0", description: DESCRIPTION },
    servers: [{ url: "/", description: "This shop" }],
    tags: TAGS,
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "JWT",
          description: "A customer's access token from POST /api/v1/auth/login (or registration).",
        },
      },
      parameters: {
        PublishableKey: {
          name: "x-publishable-api-key",
          in: "header",
          required: false,
          description: "A storefront's publishable key (pk_...): picks the sales channel whose products and stock are shown. Without it, the store's default channel.",
          schema: { type: "string" },
        },
      },
    },
  }
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>

let built: JsonAnswer | undefined

/** The document as sent, built once per process (it changes only with the code), with its ETag. */
export function openApiAnswer(): JsonAnswer {
  if (!built) {
    const json = JSON.stringify(buildOpenApiDocument())
    built = { json, etag: etagOf(json) }
  }
  return built
}

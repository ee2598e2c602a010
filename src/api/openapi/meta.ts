import { z } from "@medusajs/framework/zod"
import type { Operation } from "./registry"
import { component } from "./registry"
import { answer } from "./schemas"

const Health = answer(
  "HealthAnswer",
  z.object({ status: z.literal("ok"), database: z.literal("up"), redis: z.enum(["up", "not configured"]) })
)
const WebhookReceived = component("WebhookReceived", z.object({ received: z.literal(true) }))

export const metaOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/health",
    tag: "Operations",
    summary: "Health check",
    description: "The database and, when REDIS_URL is set, Redis. For load balancers.",
    auth: "none",
    success: { status: 200, description: "Everything is up", schema: Health },
    errors: { 503: { description: "A dependency is down (details say which)", code: "SERVICE_UNAVAILABLE" } },
  },
  {
    method: "post",
    path: "/api/webhooks/stripe",
    tag: "Webhooks",
    summary: "Stripe events",
    description:
      "For Stripe only. The Stripe-Signature header is verified on the raw body (STRIPE_WEBHOOK_SECRET) before " +
      "anything else; each event id is applied once (a replay answers 200 and changes nothing). Supported: " +
      "payment_intent.succeeded, payment_intent.payment_failed, charge.dispute.created, invoice.payment_succeeded, " +
      "customer.subscription.created, customer.subscription.updated, customer.subscription.deleted.",
    auth: "none",
    headers: [{ name: "Stripe-Signature", description: "Stripe's signature of the raw body", required: true, example: "t=1643723400,v1=5257a869..." }],
    body: z.looseObject({
      id: z.string(),
      object: z.literal("event"),
      type: z.string(),
      created: z.number().int(),
      data: z.looseObject({ object: z.looseObject({}) }),
    }),
    bodyExamples: {
      succeeded: {
        summary: "payment_intent.succeeded",
        value: {
          id: "evt_1234567890",
          object: "event",
          api_version: "2020-08-27",
          created: 1643723400,
          data: { object: { id: "pi_1234567890", object: "payment_intent", amount: 6372, currency: "usd", status: "succeeded" } },
          livemode: false,
          pending_webhooks: 1,
          request: { id: "req_1234567890", idempotency_key: null },
          type: "payment_intent.succeeded",
        },
      },
    },
    success: { status: 200, description: "Received", schema: WebhookReceived, examples: { ok: { summary: "Received", value: { received: true } } } },
    errors: {
      400: "Invalid signature (no match, or older than 300 s) or payload",
      401: "No Stripe-Signature header, or the shop has no webhook secret",
      422: "Unsupported event type",
    },
  },
  {
    method: "get",
    path: "/api/v1/openapi.json",
    tag: "Documentation",
    summary: "This OpenAPI 3.1 document",
    auth: "none",
    cacheable: true,
    success: { status: 200, description: "The document", contentType: "application/json" },
    errors: {},
  },
  {
    method: "get",
    path: "/api/v1/docs",
    tag: "Documentation",
    summary: "Interactive documentation (Swagger UI, served locally)",
    auth: "none",
    success: { status: 200, description: "The page", contentType: "text/html" },
    errors: {},
  },
  {
    method: "get",
    path: "/api/v1/docs/{asset}",
    tag: "Documentation",
    summary: "The documentation page's scripts and styles",
    auth: "none",
    pathParams: { asset: "swagger-ui.css, swagger-ui-bundle.js, docs.js or favicon-32x32.png" },
    cacheable: true,
    success: { status: 200, description: "The file", contentType: "application/octet-stream" },
    errors: { 404: "Not one of the page's files" },
  },
]

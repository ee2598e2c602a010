import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ApiError, validationError } from "../../../../lib/errors"
import { stripeConnectionFromEnv, verifyStripeEvent } from "../../../../lib/stripe"
import { isSupportedStripeEvent, STRIPE_EVENT_TYPES } from "../../../../lib/stripe-events"
import { recordStripeEventWorkflow } from "../../../../workflows/record-stripe-event"
import type { StripeEventInput } from "../../../../workflows/steps/record-stripe-event"

/** The signed event, or the contract's 401 (no signature) / 400 (bad or stale signature). */
function verifiedEvent(req: MedusaRequest): StripeEventInput {
  const signature = req.get("stripe-signature")
  if (!signature) {
    throw new ApiError(401, "AUTHENTICATION_ERROR", "Missing Stripe-Signature header")
  }
  const secret = stripeConnectionFromEnv()?.webhookSecret
  if (!secret) {
    throw new ApiError(401, "AUTHENTICATION_ERROR", "This shop does not accept Stripe webhooks (STRIPE_WEBHOOK_SECRET is not set)")
  }
  const raw = (req as MedusaRequest & { rawBody?: Buffer }).rawBody
  try {
    return verifyStripeEvent(raw ?? "", signature, secret) as unknown as StripeEventInput
  } catch {
    throw validationError("Invalid Stripe signature", [
      { field: "Stripe-Signature", message: "The signature does not match the payload, or is older than 300 seconds" },
    ])
  }
}

/**
 * Stripe's webhook: verified before anything else, each event id kept once
 * (a replay answers 200 and changes nothing), the work done by the worker.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const event = verifiedEvent(req)
  if (!isSupportedStripeEvent(event.type)) {
    throw new ApiError(422, "VALIDATION_ERROR", "Unsupported event type", [
      { field: "type", message: `Supported events: ${STRIPE_EVENT_TYPES.join(", ")}` },
    ])
  }
  if (typeof event.id !== "string" || !event.data?.object || typeof event.created !== "number") {
    throw validationError("Invalid event payload", [{ field: "data", message: "An event needs id, created and data.object" }])
  }
  await recordStripeEventWorkflow(req.scope).run({ input: event })
  res.json({ received: true })
}

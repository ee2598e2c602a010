import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type Stripe from "stripe"
import { ApiError, validationError } from "../../lib/errors"
import { stripeClient } from "../../lib/stripe"

export type ConfirmPaymentIntentInput = {
  intent_id: string
  /** The order's total in the currency's minor unit (JOD in whole 10 fils). */
  amount_minor: number
  metadata: { order_id: string; order_number: string; email: string }
  payment_method_id: string
  save_payment_method: boolean
  /** Derived from the request's Idempotency-Key: Stripe then confirms once however often it is sent. */
  idempotency_key?: string
}

export type ConfirmedIntent = {
  intent: { id: string; client_secret: string | null; status: string }
  declined: { code: string | null; decline_code: string | null; message: string } | null
}

// The card was taken already: confirming again would only be refused.
const SETTLED = new Set(["succeeded", "requires_capture", "processing"])

type StripeError = Error & {
  type?: string
  code?: string
  decline_code?: string
  param?: string
  raw?: { payment_intent?: Stripe.PaymentIntent }
}

const summary = (intent: Stripe.PaymentIntent) => ({
  id: intent.id,
  client_secret: intent.client_secret ?? null,
  status: intent.status as string,
})

function refusal(error: StripeError): ApiError {
  if (error.type === "StripeInvalidRequestError" && error.param === "payment_method") {
    return validationError("Unknown payment method", [
      { field: "paymentMethodId", message: "Stripe does not know this payment method" },
    ])
  }
  if (error.type === "StripeConnectionError" || error.type === "StripeAPIError" || error.type === "StripeRateLimitError") {
    return new ApiError(502, "PAYMENT_ERROR", "The card processor could not be reached; please try again")
  }
  return new ApiError(402, "PAYMENT_ERROR", "The payment could not be processed", [
    { field: "paymentMethodId", message: error.message.slice(0, 200), code: error.code ?? null },
  ])
}

export const confirmPaymentIntentStepId = "confirm-payment-intent"

/**
 * Confirms the order's PaymentIntent with the shopper's card, for the order
 * total and with the order's id, number and email in its metadata. A decline
 * is an answer, not an error (the workflow records it; the shopper may try
 * another card). No compensation: money Stripe took is settled by the
 * webhook, never silently undone.
 */
export const confirmPaymentIntentStep = createStep(
  confirmPaymentIntentStepId,
  async (input: ConfirmPaymentIntentInput): Promise<StepResponse<ConfirmedIntent>> => {
    const stripe = stripeClient()
    if (!stripe) {
      throw new ApiError(422, "VALIDATION_ERROR", "Card payments are not offered by this shop", [
        { field: "paymentMethod", message: "Card payments are not offered by this shop: use cash_on_delivery" },
      ])
    }
    try {
      let intent = await stripe.paymentIntents.retrieve(input.intent_id)
      if (intent.status === "canceled") {
        throw new ApiError(409, "CONFLICT", "The payment of this order was cancelled")
      }
      if (SETTLED.has(intent.status)) {
        return new StepResponse({ intent: summary(intent), declined: null })
      }
      if (input.save_payment_method && !intent.customer) {
        throw validationError("Cannot save the card", [
          { field: "savePaymentMethod", message: "Saving a card needs a signed-in customer's order" },
        ])
      }
      if (intent.amount !== input.amount_minor || intent.metadata?.order_id !== input.metadata.order_id) {
        intent = await stripe.paymentIntents.update(intent.id, {
          amount: input.amount_minor,
          metadata: { ...input.metadata },
        })
      }
      intent = await stripe.paymentIntents.confirm(
        intent.id,
        {
          payment_method: input.payment_method_id,
          ...(input.save_payment_method ? { setup_future_usage: "off_session" as const } : {}),
        },
        input.idempotency_key ? { idempotencyKey: input.idempotency_key } : undefined
      )
      return new StepResponse({ intent: summary(intent), declined: null })
    } catch (e) {
      if (ApiError.isApiError(e)) throw e
      const error = e as StripeError
      if (error.type === "StripeCardError") {
        const intent = error.raw?.payment_intent
        return new StepResponse({
          intent: intent ? summary(intent) : { id: input.intent_id, client_secret: null, status: "requires_payment_method" },
          declined: { code: error.code ?? null, decline_code: error.decline_code ?? null, message: error.message },
        })
      }
      throw refusal(error)
    }
  }
)

import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { stripeClient } from "../../lib/stripe"
import { ACCEPTED_INTENT_STATUSES } from "../settle-card-payment"

export type StaleIntentOutcome = {
  /** cancel: the intent is cancelled, so is the order; settle: the card was accepted after all; wait: Stripe is still at it. */
  action: "cancel" | "settle" | "wait"
  intent_status: string
}

const decide = (status: string): StaleIntentOutcome | null => {
  if (ACCEPTED_INTENT_STATUSES.includes(status)) return { action: "settle", intent_status: status }
  // A card Stripe is still processing may yet be paid: its webhook decides.
  if (status === "processing") return { action: "wait", intent_status: status }
  if (status === "canceled") return { action: "cancel", intent_status: status }
  return null
}

export const cancelStaleCardIntentStepId = "cancel-stale-card-intent"

/**
 * Cancels the PaymentIntent of an order whose payment timed out, unless
 * Stripe says the card was accepted (then the order is settled, never
 * cancelled) or is still being processed. Stripe is asked first, and the
 * order cancelled only after the intent is, so a card accepted at the last
 * second is never lost. An intent already cancelled (an earlier run that
 * stopped half-way) is fine. No compensation: Stripe cannot un-cancel an
 * intent, and the next run completes the order's cancellation.
 */
export const cancelStaleCardIntentStep = createStep(
  cancelStaleCardIntentStepId,
  async (input: { intent_id: string }): Promise<StepResponse<StaleIntentOutcome>> => {
    const stripe = stripeClient()
    if (!stripe) {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "Stripe is not configured (STRIPE_API_KEY): cannot cancel a card payment")
    }
    const intent = await stripe.paymentIntents.retrieve(input.intent_id)
    const known = decide(intent.status)
    if (known) return new StepResponse(known)
    try {
      const canceled = await stripe.paymentIntents.cancel(
        input.intent_id,
        { cancellation_reason: "abandoned" },
        { idempotencyKey: `payment-timeout:${input.intent_id}` }
      )
      return new StepResponse({ action: "cancel", intent_status: canceled.status })
    } catch (e) {
      // Refused because the intent moved meanwhile (the shopper paid): ask again.
      const now = await stripe.paymentIntents.retrieve(input.intent_id)
      const moved = decide(now.status)
      if (moved) return new StepResponse(moved)
      throw e
    }
  }
)

import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { stripeClient } from "../../lib/stripe"

export type FindCardPaymentInput = {
  intent_id: string
  /** The intent's metadata.session_id when the caller has the intent at hand (Medusa sets it on every intent). */
  session_id?: string | null
}

export type CardPayment = {
  order_id: string
  payment_session_id: string
  session_status: string
  payment_id: string | null
  captured: boolean
} | null

export const findCardPaymentStepId = "find-card-payment"

/**
 * The order and Medusa payment session of a PaymentIntent, or null when it
 * is none of ours (another shop on the account, an intent never ordered).
 * Reads only.
 */
export const findCardPaymentStep = createStep(findCardPaymentStepId, async (input: FindCardPaymentInput, { container }) => {
  let sessionId = input.session_id ?? null
  if (!sessionId) {
    const intent = await stripeClient()?.paymentIntents.retrieve(input.intent_id).catch(() => null)
    sessionId = (intent?.metadata?.session_id as string | undefined) ?? null
  }
  if (!sessionId) return new StepResponse<CardPayment>(null)

  const payments = container.resolve(Modules.PAYMENT)
  const [session] = await payments.listPaymentSessions({ id: sessionId }, { relations: ["payment"] })
  // The session must really be this intent's: metadata alone does not tie them.
  if (!session || (session.data as { id?: string } | null)?.id !== input.intent_id) {
    return new StepResponse<CardPayment>(null)
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: links } = await query.graph({
    entity: "order_payment_collection",
    fields: ["order_id"],
    filters: { payment_collection_id: session.payment_collection_id },
  })
  const orderId = (links[0] as { order_id?: string } | undefined)?.order_id
  if (!orderId) return new StepResponse<CardPayment>(null)
  return new StepResponse<CardPayment>({
    order_id: orderId,
    payment_session_id: session.id,
    session_status: session.status,
    payment_id: session.payment?.id ?? null,
    captured: !!session.payment?.captured_at,
  })
})

/**
 * Stripe's test payment methods as the local fake knows them: what a confirm
 * with each one does, with Stripe's own codes and messages, so that code under
 * test sees the same StripeCardError fields it would see against Stripe.
 */

export type CardOutcome =
  | { kind: "approve" }
  | { kind: "authenticate" }
  | { kind: "decline"; code: string; decline_code: string; message: string }

type TestCard = { brand: string; last4: string; outcome: CardOutcome }

const approve: CardOutcome = { kind: "approve" }
const authenticate: CardOutcome = { kind: "authenticate" }

export const TEST_CARDS: Record<string, TestCard> = {
  pm_card_visa: { brand: "visa", last4: "4242", outcome: approve },
  pm_card_mastercard: { brand: "mastercard", last4: "4444", outcome: approve },
  pm_card_chargeDeclined: {
    brand: "visa",
    last4: "0002",
    outcome: { kind: "decline", code: "card_declined", decline_code: "generic_decline", message: "Your card was declined." },
  },
  pm_card_chargeDeclinedInsufficientFunds: {
    brand: "visa",
    last4: "9995",
    outcome: {
      kind: "decline",
      code: "card_declined",
      decline_code: "insufficient_funds",
      message: "Your card has insufficient funds.",
    },
  },
  pm_card_chargeDeclinedExpiredCard: {
    brand: "visa",
    last4: "0069",
    outcome: { kind: "decline", code: "expired_card", decline_code: "expired_card", message: "Your card has expired." },
  },
  pm_card_threeDSecure2Required: { brand: "visa", last4: "3220", outcome: authenticate },
  pm_card_authenticationRequired: { brand: "visa", last4: "3184", outcome: authenticate },
}

export const isTestCard = (id: unknown): id is string =>
  typeof id === "string" && Object.prototype.hasOwnProperty.call(TEST_CARDS, id)

/** Stripe's message when a 3-D Secure challenge fails (last_payment_error.message). */
export const AUTHENTICATION_FAILURE = {
  code: "payment_intent_authentication_failure",
  message:
    "The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.",
  type: "invalid_request_error",
}

/** A PaymentMethod object for a test card; customer is the one it is attached to, if any. */
export function paymentMethodObject(id: string, customer: string | null) {
  const card = TEST_CARDS[id]
  return {
    id,
    object: "payment_method",
    type: "card",
    billing_details: { address: null, email: null, name: null, phone: null },
    card: {
      brand: card.brand,
      country: "US",
      exp_month: 12,
      exp_year: new Date().getUTCFullYear() + 3,
      funding: "credit",
      last4: card.last4,
    },
    created: 1700000000,
    customer,
    livemode: false,
    metadata: {},
  }
}

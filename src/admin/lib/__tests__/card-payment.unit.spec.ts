import { cardPaymentOf } from "../card-payment"

const session = (provider_id: string, status = "pending_authorization", data: Record<string, unknown> = { id: "pi_123" }) => ({
  payment_collections: [{ payment_sessions: [{ provider_id, status, data }] }],
})

describe("cardPaymentOf (Admin's card payment widget)", () => {
  it("is null for an order not paid by card", () => {
    expect(cardPaymentOf({ ...session("pp_cod_cod", "authorized", {}), currency_code: "jod" })).toBeNull()
    expect(cardPaymentOf({ payment_collections: [] })).toBeNull()
  })

  it("shows the intent and the session's status before any attempt", () => {
    expect(cardPaymentOf({ ...session("pp_stripe_stripe"), currency_code: "usd", metadata: null })).toEqual({
      provider_id: "pp_stripe_stripe",
      intent_id: "pi_123",
      intent_status: "pending_authorization",
      failure: null,
      dispute: null,
      timed_out_at: null,
    })
  })

  it("reads a failure, a dispute (currency upper-cased for the formatter) and a timeout from the metadata", () => {
    const card = cardPaymentOf({
      ...session("pp_stripe_stripe", "authorized"),
      currency_code: "jod",
      metadata: {
        payment_intent_status: "succeeded",
        payment_failed: true,
        payment_failure: { code: "card_declined", decline_code: "insufficient_funds", message: "Your card has insufficient funds.", at: "2025-01-15T10:00:00.000Z" },
        stripe_dispute: { id: "dp_1", charge: "ch_1", reason: "fraudulent", status: "needs_response", amount: 24940, currency: "jod", created_at: "2025-01-20T08:00:00.000Z" },
        payment_timed_out_at: "2025-01-15T11:00:00.000Z",
      },
    })
    expect(card).toEqual({
      provider_id: "pp_stripe_stripe",
      intent_id: "pi_123",
      intent_status: "succeeded",
      failure: { code: "card_declined", decline_code: "insufficient_funds", message: "Your card has insufficient funds.", at: "2025-01-15T10:00:00.000Z" },
      dispute: { id: "dp_1", reason: "fraudulent", status: "needs_response", amount: 24940, currency: "JOD", created_at: "2025-01-20T08:00:00.000Z" },
      timed_out_at: "2025-01-15T11:00:00.000Z",
    })
  })

  it("ignores a failure record once payment_failed is false, and takes the order's currency when the dispute has none", () => {
    const card = cardPaymentOf({
      ...session("pp_stripe_stripe"),
      currency_code: "usd",
      metadata: { payment_failed: false, payment_failure: { code: "card_declined" }, stripe_dispute: { amount: 2950 } },
    })
    expect(card?.failure).toBeNull()
    expect(card?.dispute).toEqual({ id: null, reason: null, status: null, amount: 2950, currency: "USD", created_at: null })
  })
})

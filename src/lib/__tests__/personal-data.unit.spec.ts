import { withoutPersonalData } from "../personal-data"

describe("withoutPersonalData (Stripe payloads)", () => {
  it("nulls the person at any depth and keeps ids, amounts, statuses, codes and metadata", () => {
    const charge = {
      id: "evt_1",
      type: "payment_intent.payment_failed",
      data: {
        object: {
          id: "pi_1",
          amount: 2950,
          status: "requires_payment_method",
          receipt_email: "layla@example.com",
          shipping: { name: "Layla", address: { line1: "Queen Rania Street" }, phone: "+962791234567" },
          metadata: { order_id: "order_1", session_id: "payses_1" },
          last_payment_error: {
            code: "card_declined",
            decline_code: "generic_decline",
            payment_method: { id: "pm_1", billing_details: { email: "layla@example.com", name: "Layla" } },
          },
          charges: [{ id: "ch_1", billing_details: { phone: "+962791234567" } }],
        },
      },
    }
    expect(withoutPersonalData(charge)).toEqual({
      id: "evt_1",
      type: "payment_intent.payment_failed",
      data: {
        object: {
          id: "pi_1",
          amount: 2950,
          status: "requires_payment_method",
          receipt_email: null,
          shipping: null,
          metadata: { order_id: "order_1", session_id: "payses_1" },
          last_payment_error: { code: "card_declined", decline_code: "generic_decline", payment_method: { id: "pm_1", billing_details: null } },
          charges: [{ id: "ch_1", billing_details: null }],
        },
      },
    })
    expect(charge.data.object.shipping.name).toBe("Layla")
  })
})

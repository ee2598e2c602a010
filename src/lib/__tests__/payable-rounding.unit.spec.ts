import { decorateCartTotals, MathBN, MedusaError } from "@medusajs/framework/utils"
import {
  isTaxInclusiveCurrency,
  payableRoundingMinor,
  payableStepMinor,
  roundingCreditAmount,
  toMinorUnits,
} from "../money"

/** Medusa's own total of a cart worth `amount` with one credit line of `credit`. */
function medusaTotal(amount: string, credit: string | null, currency = "jod") {
  const cart = decorateCartTotals({
    currency_code: currency,
    items: [{ id: "item", unit_price: amount, quantity: 1, is_tax_inclusive: false, tax_lines: [], adjustments: [] }],
    credit_lines: credit ? [{ amount: credit }] : [],
  } as any)
  return MathBN.convert(cart.total as any)
}

describe("JOD in 10s (money.ts)", () => {
  it("knows JOD prices include tax and USD prices do not, in any case", () => {
    expect(isTaxInclusiveCurrency("JOD")).toBe(true)
    expect(isTaxInclusiveCurrency("jod")).toBe(true)
    expect(isTaxInclusiveCurrency("USD")).toBe(false)
    expect(isTaxInclusiveCurrency("")).toBe(false)
  })

  it("pays JOD in steps of 10 fils and other currencies in one minor unit", () => {
    expect(payableStepMinor("JOD")).toBe(10)
    expect(payableStepMinor("jod")).toBe(10)
    expect(payableStepMinor("USD")).toBe(1)
    expect(() => payableStepMinor("QQQ")).toThrow(MedusaError)
  })

  describe("payableRoundingMinor", () => {
    it.each([
      ["21.592", "JOD", 2], // SAVE20 on 26.99 JOD
      ["21.59", "JOD", 0],
      ["21.599", "JOD", 9],
      ["31.581", "JOD", 1], // WELCOME10 on 35.09 JOD
      ["21.58999999999999999999", "JOD", 0], // Medusa's division noise below ...
      ["21.59000000000000000001", "JOD", 0], // ... and above a payable amount
      ["21.5905", "JOD", 1], // a half fils reads as the next fils, as Stripe reads it
      ["21.5904", "JOD", 0],
      ["0", "JOD", 0],
      ["-3.455", "JOD", 0],
      ["12.34", "USD", 0],
      ["12.345", "USD", 0],
    ])("rounds %s %s down by %p minor units", (total, currency, expected) => {
      expect(payableRoundingMinor(total, currency)).toBe(expected)
    })

    it("is the fils past the last 10 for every amount up to 3 JOD", () => {
      for (let fils = 0; fils <= 3000; fils++) {
        expect(payableRoundingMinor(MathBN.div(fils, 1000), "JOD")).toBe(fils % 10)
      }
    })
  })

  describe("roundingCreditAmount", () => {
    it.each([
      [0, "JOD", "0"],
      [2, "JOD", "0.002"],
      [9, "jod", "0.009"],
      [1, "JOD", "0.001000001"],
    ])("stores a rounding of %p %s as %s", (minor, currency, expected) => {
      expect(roundingCreditAmount(minor, currency)).toBe(expected)
    })

    it("refuses negative or fractional roundings", () => {
      expect(() => roundingCreditAmount(-1, "JOD")).toThrow(/whole number/)
      expect(() => roundingCreditAmount(1.5, "JOD")).toThrow(/whole number/)
    })

    it("leaves Medusa a total that is a multiple of 10 fils, at most 9 fils lower, for every amount up to 3 JOD", () => {
      for (let fils = 1; fils <= 3000; fils++) {
        // Exact amounts, and amounts carrying Medusa's division noise either way.
        for (const noise of ["0", "0.00000000000000000001", "-0.00000000000000000001"]) {
          const unrounded = MathBN.add(MathBN.div(fils, 1000), noise).toString()
          const rounding = payableRoundingMinor(unrounded, "JOD")
          const total = medusaTotal(unrounded, rounding ? roundingCreditAmount(rounding, "JOD") : null)
          const paid = toMinorUnits(total, "JOD")
          expect(paid % 10).toBe(0)
          expect(fils - paid).toBe(rounding)
          expect(rounding).toBeGreaterThanOrEqual(0)
          expect(rounding).toBeLessThanOrEqual(9)
        }
      }
    })

    it("needs the nudge: Medusa counts a credit of exactly 1 fils as none", () => {
      expect(toMinorUnits(medusaTotal("31.581", "0.001"), "JOD")).toBe(31581)
      expect(toMinorUnits(medusaTotal("31.581", roundingCreditAmount(1, "JOD")), "JOD")).toBe(31580)
    })
  })
})

import { BigNumber, MedusaError } from "@medusajs/framework/utils"
import { currencyExponent, fromMinorUnits, isKnownCurrency, toMinorUnits } from "../money"

describe("money", () => {
  describe("currencyExponent", () => {
    it("knows USD has 2 and JOD 3 minor digits, in any case", () => {
      expect(currencyExponent("USD")).toBe(2)
      expect(currencyExponent("jod")).toBe(3)
      expect(currencyExponent("JPY")).toBe(0)
      expect(currencyExponent("KWD")).toBe(3)
    })

    it("rejects an unknown currency with a MedusaError of type invalid_data", () => {
      expect(() => currencyExponent("XYZ")).toThrow(MedusaError)
      expect(() => currencyExponent("XYZ")).toThrow(/Unknown currency "XYZ"/)
      expect(isKnownCurrency("XYZ")).toBe(false)
      expect(isKnownCurrency("usd")).toBe(true)
    })
  })

  describe("toMinorUnits", () => {
    it.each([
      [0, "USD", 0],
      [0, "JOD", 0],
      [0.001, "JOD", 1],
      [29.5, "JOD", 29500],
      [29.5, "USD", 2950],
      [0.1 + 0.2, "USD", 30],
      [19.99, "USD", 1999],
      [1.005, "USD", 101],
      [1200, "JPY", 1200],
      ["4.72", "JOD", 4720],
      [-5, "USD", -500],
    ])("converts %p %s to %p", (amount, currency, expected) => {
      expect(toMinorUnits(amount, currency)).toBe(expected)
    })

    it("rounds sub-minor fractions half away from zero", () => {
      // 8% of 29.99 USD = 2.3992 → 240 cents; 16% of 0.0125 JOD → 2 fils
      expect(toMinorUnits("2.3992", "USD")).toBe(240)
      expect(toMinorUnits("0.0025", "JOD")).toBe(3)
      expect(toMinorUnits("0.0024", "JOD")).toBe(2)
      expect(toMinorUnits("-0.005", "USD")).toBe(-1)
    })

    it("accepts Medusa BigNumber values and raw values", () => {
      expect(toMinorUnits(new BigNumber(29.5), "JOD")).toBe(29500)
      expect(toMinorUnits({ value: "12.345", precision: 20 }, "JOD")).toBe(12345)
    })

    it("handles large amounts exactly", () => {
      expect(toMinorUnits("90071992547.409", "JOD")).toBe(90071992547409)
      expect(toMinorUnits("1000000000000", "USD")).toBe(100000000000000)
    })

    it("refuses amounts past the safe integer range instead of losing precision", () => {
      expect(() => toMinorUnits("9007199254740.992", "JOD")).toThrow(/too large/)
    })

    it("refuses non-numbers and unknown currencies", () => {
      expect(() => toMinorUnits("abc", "USD")).toThrow(/not a number/)
      expect(() => toMinorUnits(1, "ABC")).toThrow(/Unknown currency/)
    })
  })

  describe("fromMinorUnits", () => {
    it.each([
      [0, "USD", 0],
      [1, "JOD", 0.001],
      [29500, "JOD", 29.5],
      [2950, "USD", 29.5],
      [1999, "USD", 19.99],
      [-500, "USD", -5],
      ["12345", "JOD", 12.345],
      [90071992547409, "JOD", 90071992547.409],
    ])("converts %p %s to %p", (minor, currency, expected) => {
      expect(fromMinorUnits(minor, currency)).toBe(expected)
    })

    it("round-trips every fils amount between 0 and 2 JOD", () => {
      for (let fils = 0; fils <= 2000; fils++) {
        expect(toMinorUnits(fromMinorUnits(fils, "JOD"), "JOD")).toBe(fils)
      }
    })

    it("refuses fractions of a minor unit", () => {
      expect(() => fromMinorUnits(10.5, "USD")).toThrow(/whole number/)
    })

    it("refuses amounts past the safe integer range", () => {
      expect(() => fromMinorUnits("9007199254740993", "USD")).toThrow(/too large/)
    })

    it("refuses unknown currencies", () => {
      expect(() => fromMinorUnits(100, "QQQ")).toThrow(/Unknown currency/)
    })
  })
})

import { MathBN, MedusaError } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"

/**
 * The one place where amounts cross between Medusa (major units, e.g. 29.5)
 * and the /api/v1 contract (integers in the ISO 4217 minor unit: USD cents,
 * JOD fils). All arithmetic goes through Medusa's MathBN so no float ever
 * touches a price.
 */

const EXPONENT_0 = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF"
const EXPONENT_3 = "BHD IQD JOD KWD LYD OMR TND"
const EXPONENT_4 = "CLF UYW"
const EXPONENT_2 =
  "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN " +
  "BZD CAD CDF CHF CNY COP CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS " +
  "GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR " +
  "LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD " +
  "PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN " +
  "SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD UYU UZS VES WST XCD YER ZAR ZMW ZWG"

const EXPONENTS: ReadonlyMap<string, number> = new Map(
  (
    [
      [EXPONENT_0, 0],
      [EXPONENT_2, 2],
      [EXPONENT_3, 3],
      [EXPONENT_4, 4],
    ] as const
  ).flatMap(([codes, exponent]) =>
    codes.split(" ").map((code) => [code, exponent] as [string, number])
  )
)

// bignumber.js rounding mode: half away from zero, as cash registers round.
const ROUND_HALF_UP = 4

/** The number of minor-unit digits of an ISO 4217 currency code (any case). */
export function currencyExponent(currency: string): number {
  const exponent = EXPONENTS.get(String(currency ?? "").toUpperCase())
  if (exponent === undefined) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Unknown currency "${currency}": expected an ISO 4217 code such as USD or JOD`
    )
  }
  return exponent
}

export function isKnownCurrency(currency: string): boolean {
  return EXPONENTS.has(String(currency ?? "").toUpperCase())
}

/**
 * Medusa amount (major units, number, string or BigNumber) → integer minor
 * units. Sub-minor fractions (a computed 8% tax of 29.99 USD) round half away
 * from zero.
 */
export function toMinorUnits(amount: BigNumberInput, currency: string): number {
  const exponent = currencyExponent(currency)
  const minor = MathBN.mult(MathBN.convert(amount), MathBN.exp(10, exponent))
  if (minor.isNaN() || !minor.isFinite()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Amount "${amount}" is not a number`)
  }
  const rounded = minor.decimalPlaces(0, ROUND_HALF_UP)
  if (rounded.abs().gt(Number.MAX_SAFE_INTEGER)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Amount ${amount} ${currency} is too large to express in minor units`
    )
  }
  // + 0 turns a -0 (a total nudged a billionth below zero) into 0.
  return rounded.toNumber() + 0
}

/**
 * Integer minor units → Medusa amount in major units (29500 JOD fils → 29.5).
 * Refuses fractions of a minor unit rather than guessing.
 */
export function fromMinorUnits(minor: number | string, currency: string): number {
  const exponent = currencyExponent(currency)
  const value = MathBN.convert(minor)
  if (value.isNaN() || !value.isInteger()) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Amount ${minor} is not a whole number of ${currency} minor units`
    )
  }
  if (value.abs().gt(Number.MAX_SAFE_INTEGER)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Amount ${minor} ${currency} minor units is too large`
    )
  }
  return MathBN.div(value, MathBN.exp(10, exponent)).toNumber()
}

// Currencies whose shelf prices include tax: Jordanian prices contain the 16%
// GST (DESIGN.md "Money"); US prices have tax added at checkout.
const TAX_INCLUSIVE_CURRENCIES: ReadonlySet<string> = new Set(["JOD"])

/** Whether prices in this currency are shown and stored with tax included. */
export function isTaxInclusiveCurrency(currency: string): boolean {
  return TAX_INCLUSIVE_CURRENCIES.has(String(currency ?? "").toUpperCase())
}

/**
 * The smallest step, in minor units, in which a currency is paid. JOD is
 * paid in whole 10 fils: Stripe charges JOD only in multiples of 10, and cash
 * changes hands the same way (DESIGN.md "Money"). Others: one minor unit.
 */
const PAYABLE_STEP_MINOR: ReadonlyMap<string, number> = new Map([["JOD", 10]])

export function payableStepMinor(currency: string): number {
  currencyExponent(currency)
  return PAYABLE_STEP_MINOR.get(currency.toUpperCase()) ?? 1
}

/**
 * The rounding, in whole minor units (0 to step - 1), that brings a Medusa
 * total down to the nearest payable amount, in the customer's favour. The
 * total is first read in whole minor units (half away from zero), exactly as
 * toMinorUnits and the Stripe provider read it, so sub-fils remainders of
 * Medusa's tax arithmetic never decide the rounding.
 */
export function payableRoundingMinor(total: BigNumberInput, currency: string): number {
  const step = payableStepMinor(currency)
  const minor = toMinorUnits(total, currency)
  if (minor <= 0) {
    return 0
  }
  return MathBN.mod(minor, step).toNumber()
}

// Medusa counts a credit-line total of at most one minor unit as zero
// (calculateCreditLinesTotal compares it with the currency's epsilon), so a
// rounding of exactly 1 fils is stored a billionth of a JOD larger: the total
// then sits that far below the payable amount, which every reader rounds to.
const ONE_MINOR_NUDGE = "0.000000001"

/**
 * The credit-line amount (Medusa major units, as a decimal string) that
 * carries a rounding of `roundingMinor` minor units.
 */
export function roundingCreditAmount(roundingMinor: number, currency: string): string {
  const exponent = currencyExponent(currency)
  if (!Number.isInteger(roundingMinor) || roundingMinor < 0) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Rounding ${roundingMinor} is not a whole number of ${currency} minor units`
    )
  }
  const amount = MathBN.div(roundingMinor, MathBN.exp(10, exponent))
  return (roundingMinor === 1 ? MathBN.add(amount, ONE_MINOR_NUDGE) : amount).toString()
}

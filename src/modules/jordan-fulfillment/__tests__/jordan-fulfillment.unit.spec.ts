import { MedusaError } from "@medusajs/framework/utils"
import { GOVERNORATES } from "../../../lib/jordan"
import { SHIPPING_METHOD_CODES, SHIPPING_METHODS } from "../../../lib/shipping-methods"
import { defaultShippingRules } from "../../shipping-rules/defaults"
import JordanFulfillmentProviderService, { JordanOptionData } from "../services/jordan-fulfillment"

const provider = new JordanFulfillmentProviderService()

/** Option data as the sync step writes it, from the launch rules. */
function optionData(method: string): JordanOptionData {
  const rules = defaultShippingRules().filter((rule) => rule.method === method)
  return {
    method,
    rules: Object.fromEntries(
      rules.map(({ governorate, available, price, min_days, max_days }) => [
        governorate,
        { available, price, min_days, max_days },
      ])
    ),
  }
}
const at = (province: string | null, country_code = "jo") => ({ shipping_address: { province, country_code } }) as any

async function errorOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e) => e
  )
  expect(error).toBeInstanceOf(MedusaError)
  return error as MedusaError
}

describe("jordan-shipping provider", () => {
  it("prices every governorate in every form a shopper types it, tax-inclusive", async () => {
    for (const governorate of GOVERNORATES) {
      for (const province of [
        governorate.name,
        governorate.name.toLowerCase(),
        `${governorate.name.toUpperCase()} Governorate`,
        governorate.code,
        governorate.code.toLowerCase(),
        governorate.nameAr,
      ]) {
        for (const method of SHIPPING_METHODS) {
          const price = await provider.calculatePrice(optionData(method.code), {}, at(province))
          expect([province, method.code, price]).toEqual([
            province,
            method.code,
            { calculated_amount: method.jodPrice, is_calculated_price_tax_inclusive: true },
          ])
        }
      }
    }
  })

  it("validates a method into our own data only, and same day only in Amman", async () => {
    await expect(
      provider.validateFulfillmentData(optionData("express"), { junk: "x".repeat(10) }, at("إربد"))
    ).resolves.toEqual({ method: "express", governorate: "JO-IR", min_days: 1, max_days: 2 })
    await expect(provider.validateFulfillmentData(optionData("same_day"), {}, at("amman"))).resolves.toEqual({
      method: "same_day",
      governorate: "JO-AM",
      min_days: 0,
      max_days: 0,
    })
    const refused = await errorOf(provider.validateFulfillmentData(optionData("same_day"), {}, at("irbid")))
    expect(refused.type).toBe(MedusaError.Types.NOT_ALLOWED)
    expect(refused.message).toBe("Same Day Delivery is not available in Irbid (JO-IR)")
  })

  it("quotes an unavailable method, but gives a chosen one no price once the address leaves its area", async () => {
    await expect(provider.calculatePrice(optionData("same_day"), {}, at("Zarqa"))).resolves.toEqual({
      calculated_amount: 15,
      is_calculated_price_tax_inclusive: true,
    })
    const chosen = { method: "same_day", governorate: "JO-AM", min_days: 0, max_days: 0 }
    expect((await provider.calculatePrice(optionData("same_day"), chosen, at("Zarqa"))).calculated_amount).toBeUndefined()
    expect((await provider.calculatePrice(optionData("same_day"), chosen, at("Amman"))).calculated_amount).toBe(15)
  })

  it("answers INVALID_DATA (400) for an unknown, missing or foreign province, quoting at most 100 characters", async () => {
    const unknown = await errorOf(provider.calculatePrice(optionData("standard"), {}, at("Narnia")))
    expect(unknown.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(unknown.message).toMatch(/^Unknown governorate "Narnia": /)

    const long = "y".repeat(5000)
    const tooLong = await errorOf(provider.validateFulfillmentData(optionData("standard"), {}, at(long)))
    expect(tooLong.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(tooLong.message).toContain(`"${"y".repeat(100)}…"`)
    expect(tooLong.message).not.toContain("y".repeat(101))

    for (const province of [null, "", "   "]) {
      const missing = await errorOf(provider.calculatePrice(optionData("standard"), {}, at(province)))
      expect(missing.type).toBe(MedusaError.Types.INVALID_DATA)
      expect(missing.message).toBe("The shipping address needs a governorate (province) to price Jordan delivery")
    }
    const abroad = await errorOf(provider.calculatePrice(optionData("standard"), {}, at("Amman", "us")))
    expect(abroad.type).toBe(MedusaError.Types.INVALID_DATA)
  })

  it("names the governorate code when the merchant has no rule for it", async () => {
    const data = optionData("standard")
    data.rules["JO-MD"] = null
    const error = await errorOf(provider.calculatePrice(data, {}, at("Madaba")))
    expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(error.message).toMatch(/^No standard delivery rule for governorate JO-MD/)
  })

  it("offers exactly the vocabulary's methods", async () => {
    expect((await provider.getFulfillmentOptions()).map((o) => o.id)).toEqual([...SHIPPING_METHOD_CODES])
    for (const code of SHIPPING_METHOD_CODES) {
      expect(await provider.validateOption({ method: code })).toBe(true)
      expect(await provider.canCalculate({ data: { method: code } })).toBe(true)
    }
    expect(await provider.validateOption({ method: "drone" })).toBe(false)
    expect(await provider.canCalculate({ data: { method: "drone" } })).toBe(false)
    // An update that leaves data out keeps the method the option has.
    expect(await provider.canCalculate({})).toBe(true)
  })
})

describe("launch rules from the vocabulary", () => {
  it("has 36 rules: standard 5 (3-5) and express 10 (1-2) everywhere, same day 15 only in Amman", () => {
    const rules = defaultShippingRules()
    expect(rules).toHaveLength(36)
    const summary = new Set(
      rules.map((r) => `${r.method}:${r.price}:${r.min_days}-${r.max_days}:${r.available || r.governorate}`)
    )
    expect([...summary].sort()).toEqual(
      [
        "express:10:1-2:true",
        "same_day:15:0-0:true",
        "standard:5:3-5:true",
        ...GOVERNORATES.filter((g) => g.code !== "JO-AM").map((g) => `same_day:15:0-0:${g.code}`),
      ].sort()
    )
    expect(rules.find((r) => r.method === "same_day" && r.available)?.governorate).toBe("JO-AM")
  })
})

import { GOVERNORATES, governorateByCode, resolveGovernorate } from "../jordan"

describe("resolveGovernorate", () => {
  it("has the 12 governorates with unique codes", () => {
    expect(GOVERNORATES).toHaveLength(12)
    expect(new Set(GOVERNORATES.map((g) => g.code)).size).toBe(12)
  })

  it.each(GOVERNORATES.map((g) => [g.code, g.name, g.nameAr]))(
    "resolves %s from its code, English and Arabic names",
    (code, name, nameAr) => {
      for (const form of [code, code.toLowerCase(), name, name.toUpperCase(), `${name} Governorate`, nameAr, `محافظة ${nameAr}`]) {
        expect(resolveGovernorate(form)?.code).toBe(code)
      }
    }
  )

  it("accepts common spellings", () => {
    expect(resolveGovernorate("Maan")?.code).toBe("JO-MN")
    expect(resolveGovernorate("Ma’an")?.code).toBe("JO-MN")
    expect(resolveGovernorate("عمان")?.code).toBe("JO-AM")
    expect(resolveGovernorate("اربد")?.code).toBe("JO-IR")
    expect(resolveGovernorate("  zarqa  ")?.code).toBe("JO-AZ")
    expect(resolveGovernorate("Tafila")?.code).toBe("JO-AT")
  })

  it("answers undefined for anything else", () => {
    expect(resolveGovernorate("Narnia")).toBeUndefined()
    expect(resolveGovernorate("")).toBeUndefined()
    expect(resolveGovernorate(undefined)).toBeUndefined()
    expect(resolveGovernorate("JO-XX")).toBeUndefined()
  })

  it("finds by code", () => {
    expect(governorateByCode("jo-aq")?.name).toBe("Aqaba")
    expect(governorateByCode("nope")).toBeUndefined()
  })
})

import { addBusinessDays, dateInAmman, estimatedDelivery, isBusinessDay } from "../business-days"

describe("Jordan business days", () => {
  it("gives the requirements' example: ordered Wednesday 2025-01-15, 3-5 days → 2025-01-20", () => {
    expect(estimatedDelivery("2025-01-15T09:00:00+03:00", 3)).toBe("2025-01-20")
  })

  it("skips Friday and Saturday", () => {
    expect(isBusinessDay("2025-01-17")).toBe(false) // Friday
    expect(isBusinessDay("2025-01-18")).toBe(false) // Saturday
    expect(isBusinessDay("2025-01-19")).toBe(true) // Sunday
    expect(addBusinessDays("2025-01-16", 1)).toBe("2025-01-19") // Thursday → Sunday
    expect(addBusinessDays("2025-01-17", 1)).toBe("2025-01-19") // ordered on Friday
  })

  it("skips the merchant's public holidays and crosses the year end", () => {
    const holidays = ["2025-12-25", "2026-01-01"]
    // Wed 24 Dec 2025 + 3: Thu 25 holiday, Fri/Sat weekend, Sun 28, Mon 29, Tue 30.
    expect(estimatedDelivery("2025-12-24T10:00:00+03:00", 3, holidays)).toBe("2025-12-30")
    // Tue 30 Dec + 2: Wed 31, Thu 1 Jan holiday, Fri/Sat, Sun 4 Jan.
    expect(estimatedDelivery("2025-12-30T10:00:00+03:00", 2, holidays)).toBe("2026-01-04")
  })

  it("counts from the date in Amman, not in UTC", () => {
    // 22:30 UTC on Wednesday is already Thursday in Amman.
    expect(dateInAmman("2025-01-15T22:30:00Z")).toBe("2025-01-16")
    expect(estimatedDelivery("2025-01-15T22:30:00Z", 1)).toBe("2025-01-19")
    expect(estimatedDelivery("2025-01-15T20:30:00Z", 1)).toBe("2025-01-16")
  })
})

import { formatOrderNumber, ORDER_NUMBER_PATTERN, yearInAmman } from "../order-number"

describe("SKN order numbers", () => {
  it("pads the counter to six digits and grows past 999999", () => {
    expect(formatOrderNumber(2025, 1)).toBe("SKN-2025-000001")
    expect(formatOrderNumber(2025, 123456)).toBe("SKN-2025-123456")
    expect(formatOrderNumber(2025, 1234567)).toBe("SKN-2025-1234567")
    expect(ORDER_NUMBER_PATTERN.test("SKN-2025-1234567")).toBe(true)
    expect(ORDER_NUMBER_PATTERN.test("SKN-2025-12345")).toBe(false)
  })

  it("takes the year in Asia/Amman (UTC+3), not in UTC", () => {
    expect(yearInAmman("2026-12-31T20:59:59Z")).toBe(2026)
    expect(yearInAmman("2026-12-31T21:00:00Z")).toBe(2027)
    expect(yearInAmman("2027-01-01T00:30:00+03:00")).toBe(2027)
  })
})

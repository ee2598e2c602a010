import { quantile } from "../route-stats"
import { calendarDays, cached } from "../shop-figures"

describe("quantile of a cumulative histogram", () => {
  it("interpolates inside the bucket like histogram_quantile", () => {
    // 100 answers: 50 under 10 ms, 90 under 100 ms, all under 1 s.
    const buckets = [
      { le: 0.01, count: 50 },
      { le: 0.1, count: 90 },
      { le: 1, count: 100 },
      { le: Infinity, count: 100 },
    ]
    expect(quantile(0.5, buckets)).toBeCloseTo(0.01, 10)
    expect(quantile(0.95, buckets)).toBeCloseTo(0.55, 10)
    expect(quantile(0.25, buckets)).toBeCloseTo(0.005, 10)
  })

  it("answers 0 when empty and the highest finite bound when the rank lies in +Inf", () => {
    expect(quantile(0.95, [])).toBe(0)
    expect(quantile(0.95, [{ le: 0.5, count: 1 }, { le: Infinity, count: 10 }])).toBe(0.5)
  })
})

describe("shop figures helpers", () => {
  it("the last 14 calendar days in Amman, oldest first", () => {
    // 22:30 UTC on 31 Jan is already 1 Feb in Amman (UTC+3).
    const days = calendarDays(new Date("2026-01-31T22:30:00Z"), 14)
    expect(days).toHaveLength(14)
    expect(days[0]).toBe("2026-01-19")
    expect(days[13]).toBe("2026-02-01")
  })

  it("cached shares one read within the TTL and retries after a failure", async () => {
    let calls = 0
    let fail = true
    const read = cached(async () => {
      calls++
      if (fail) throw new Error("db down")
      return calls
    }, () => 60_000)
    await expect(read()).rejects.toThrow("db down")
    fail = false
    expect(await read()).toBe(2)
    expect(await read()).toBe(2)
    expect(calls).toBe(2)
  })
})

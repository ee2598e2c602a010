import { ifNoneMatchHits, PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from "../http-cache"

describe("ifNoneMatchHits", () => {
  const tag = '"abc_-1"'

  it.each([
    ['"abc_-1"', true],
    ['W/"abc_-1"', true],
    ['"zzz", "abc_-1"', true],
    ['"zzz",W/"abc_-1" , "yyy"', true],
    ["*", true],
    ['"zzz"', false],
    ['"abc_-"', false],
    ["abc_-1", false],
    ["", false],
  ])("If-None-Match %s → %s", (header, hit) => {
    expect(ifNoneMatchHits(header, tag)).toBe(hit)
  })

  it("compares weakly when our own tag is weak", () => {
    expect(ifNoneMatchHits('"abc_-1"', 'W/"abc_-1"')).toBe(true)
  })

  it("misses without the header", () => {
    expect(ifNoneMatchHits(undefined, tag)).toBe(false)
  })
})

describe("Cache-Control values", () => {
  it("are the ones CDNs and browsers are told", () => {
    expect(PUBLIC_CACHE_CONTROL).toBe("public, max-age=0, s-maxage=30, stale-while-revalidate=60")
    expect(PRIVATE_CACHE_CONTROL).toBe("private, no-store")
  })
})

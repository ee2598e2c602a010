import { MedusaError } from "@medusajs/framework/utils"
import { ApiError } from "../../../lib/errors"
import { MAX_NESTING, nestsDeeperThan, rejectUnsafeInput, walkStrings } from "../input-guard"
import { limitStoreStrings, storeLimitFor } from "../store-limits"

function run(middleware: any, req: Record<string, unknown>) {
  let passed: unknown = "not called"
  const res = { setHeader: () => undefined, getHeader: () => undefined, end: () => undefined }
  middleware({ method: "POST", query: {}, app: {}, ...req }, res, (err?: unknown) => (passed = err))
  return passed as any
}

describe("walkStrings", () => {
  it("names every string and key by its dotted path, in document order", () => {
    const seen = [...walkStrings({ a: "1", b: [{ c: "2" }, "3"], d: 4 })].map((s) => [s.field, s.text, s.isKey])
    expect(seen).toEqual([
      ["a", "a", true],
      ["b", "b", true],
      ["d", "d", true],
      ["a", "1", false],
      ["b.0.c", "c", true],
      ["b.0.c", "2", false],
      ["b.1", "3", false],
    ])
  })

  it("refuses a body nested deeper than MAX_NESTING before walking it (no quadratic walk)", () => {
    let deep: unknown = "x"
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(nestsDeeperThan(deep, MAX_NESTING)).toBe(true)
    const err = run(rejectUnsafeInput, { originalUrl: "/store/carts", body: { a: deep } })
    expect(err).toBeInstanceOf(MedusaError)
    expect(err.message).toContain(`body nests deeper than ${MAX_NESTING} levels`)

    let shallow: unknown = "x"
    for (let i = 0; i < MAX_NESTING; i++) shallow = [shallow]
    expect(nestsDeeperThan(shallow, MAX_NESTING)).toBe(false)
    expect([...walkStrings(shallow)]).toHaveLength(1)
  })
})

describe("rejectUnsafeInput", () => {
  it("passes clean input", () => {
    expect(run(rejectUnsafeInput, { originalUrl: "/store/carts/cart_1?x=1", body: { a: "b" } })).toBeUndefined()
  })

  it("answers /store in Medusa's shape, naming the field", () => {
    const err = run(rejectUnsafeInput, {
      originalUrl: "/store/carts/cart_1",
      body: { shipping_address: { city: "a\u0000b" } },
    })
    expect(err).toBeInstanceOf(MedusaError)
    expect(ApiError.isApiError(err)).toBe(false)
    expect(err.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(err.message).toBe("Invalid request: shipping_address.city must not contain NUL bytes")
  })

  it("refuses a NUL or a control character in a /store path and broken escapes", () => {
    expect(run(rejectUnsafeInput, { originalUrl: "/store/carts/cart%00" }).message).toBe(
      "Invalid request: path must not contain NUL bytes"
    )
    expect(run(rejectUnsafeInput, { originalUrl: "/store/carts/cart%0A" }).message).toBe(
      "Invalid request: path must not contain control characters"
    )
    expect(run(rejectUnsafeInput, { originalUrl: "/store/carts/%ED%A0%80" }).message).toBe(
      "Invalid request: path must be percent-encoded UTF-8 text"
    )
    expect(run(rejectUnsafeInput, { originalUrl: "/store/carts/cart%zz" }).message).toBe(
      "Invalid request: path must be percent-encoded UTF-8 text"
    )
    // A query parser takes a stray % literally: only broken UTF-8 is refused there.
    expect(run(rejectUnsafeInput, { originalUrl: "/store/products?q=50%" })).toBeUndefined()
    expect(run(rejectUnsafeInput, { originalUrl: "/store/products?q=%FF" }).message).toBe(
      "Invalid request: q must be percent-encoded UTF-8 text"
    )
  })

  it("names a key that holds a NUL, escaped", () => {
    const err = run(rejectUnsafeInput, { originalUrl: "/auth/customer/emailpass", body: { "e\u0000": "x" } })
    expect(err.message).toBe("Invalid request: e\\u0000: field names must not contain NUL bytes")
  })
})

describe("store string limits", () => {
  it.each([
    [["shipping_address", "address_1"], 255],
    [["email"], 255],
    [["promo_codes", "0"], 50],
    [["cart_id"], 100],
    [["metadata", "note"], 4096],
    [["shipping_address", "metadata", "city"], 4096],
    [["items", "0", "variant_id"], 100],
    [["note"], 1000],
  ])("%j → %i", (path, limit) => {
    expect(storeLimitFor(path as string[])).toBe(limit)
  })

  it("refuses a 256-character address line and takes 255", () => {
    const body = (n: number) => ({ shipping_address: { address_1: "a".repeat(n) } })
    expect(run(limitStoreStrings, { body: body(255) })).toBeUndefined()
    expect(run(limitStoreStrings, { body: body(256) }).message).toBe(
      "Invalid request: shipping_address.address_1 must be at most 255 characters"
    )
  })
})

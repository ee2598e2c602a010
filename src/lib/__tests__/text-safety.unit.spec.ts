import { printable, unsafeText, validPercentEncoding } from "../text-safety"

describe("unsafeText", () => {
  it.each([
    ["plain", undefined],
    ["Amman\nnear the mall", undefined],
    ["emoji 😀 pair", undefined],
    ["a\u0000b", "nul"],
    ["high \ud800 alone", "surrogate"],
    ["low \udc00 alone", "surrogate"],
    ["ends high \ud83d", "surrogate"],
  ])("%j → %s", (text, reason) => {
    expect(unsafeText(text)).toBe(reason)
  })

  it("refuses control characters only when asked", () => {
    expect(unsafeText("a\tb")).toBeUndefined()
    expect(unsafeText("a\tb", { controls: true })).toBe("control")
    expect(unsafeText("a\u007fb", { controls: true })).toBe("control")
    expect(unsafeText("cart_01ABC", { controls: true })).toBeUndefined()
  })
})

describe("printable", () => {
  it("keeps short text as it is", () => {
    expect(printable("cart_123")).toBe("cart_123")
  })

  it("keeps at most 100 characters of the input, then an ellipsis", () => {
    const out = printable("x".repeat(100_000))
    expect(out).toBe(`${"x".repeat(100)}…`)
  })

  it("escapes control characters and unpaired surrogates", () => {
    expect(printable("a\u0000b\nc")).toBe("a\\u0000b\\nc")
    expect(printable("\ud800x")).toBe("\\ud800x")
    expect(printable("😀")).toBe("😀")
  })
})

describe("validPercentEncoding", () => {
  it.each([
    ["/api/v1/cart/abc", true],
    ["/api/v1/cart/%00", true],
    ["q=caf%C3%A9", true],
    ["q=50%", true],
    ["q=%zz", true],
    ["/api/v1/cart/%ED%A0%80", false],
    ["q=%FF", false],
    ["q=%C3", false],
  ])("%s → %s", (raw, ok) => {
    expect(validPercentEncoding(raw)).toBe(ok)
  })
})

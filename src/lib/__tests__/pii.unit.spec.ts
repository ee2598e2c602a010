import { DEVELOPMENT_PII_SECRET, openPii, piiKeyring, sealPii } from "../pii"

const KEY_A = "a".repeat(16) + "3f9c2a7e5b1d4c8a9e0f6b2d7c4a1e8f"
const KEY_B = "b".repeat(16) + "7c4a1e8f3f9c2a7e5b1d4c8a9e0f6b2d"

describe("PII encryption", () => {
  it("round-trips text under the current key and stores that key's id, not the key", () => {
    const ring = piiKeyring({ PII_ENCRYPTION_KEY: KEY_A })
    const sealed = sealPii('{"skinType":"dry"}', "cus_1", ring)
    expect(sealed.keyId).toMatch(/^[0-9a-f]{12}$/)
    expect(sealed.keyId).toBe(ring.current.id)
    expect(sealed.value).not.toContain("dry")
    expect(Buffer.from(sealed.value, "base64").length).toBe(12 + 16 + 18)
    expect(openPii(sealed, "cus_1", ring)).toBe('{"skinType":"dry"}')
  })

  it("never seals the same text to the same bytes (random IV)", () => {
    const ring = piiKeyring({ PII_ENCRYPTION_KEY: KEY_A })
    expect(sealPii("x", "c", ring).value).not.toBe(sealPii("x", "c", ring).value)
  })

  it("refuses a value moved to another row, altered, or truncated", () => {
    const ring = piiKeyring({ PII_ENCRYPTION_KEY: KEY_A })
    const sealed = sealPii("1990-01-15", "cus_1", ring)
    expect(() => openPii(sealed, "cus_2", ring)).toThrow("Sealed value failed authentication")
    const bytes = Buffer.from(sealed.value, "base64")
    bytes[bytes.length - 1] ^= 1
    expect(() => openPii({ ...sealed, value: bytes.toString("base64") }, "cus_1", ring)).toThrow(
      "Sealed value failed authentication"
    )
    expect(() => openPii({ ...sealed, value: "AAAA" }, "cus_1", ring)).toThrow("Sealed value is truncated")
  })

  it("rotates: the first key seals, older keys still open what they sealed", () => {
    const old = piiKeyring({ PII_ENCRYPTION_KEY: KEY_A })
    const sealedOld = sealPii("acne", "cus_1", old)
    const rotated = piiKeyring({ PII_ENCRYPTION_KEY: `${KEY_B}, ${KEY_A}` })
    expect(rotated.current.id).not.toBe(old.current.id)
    expect(openPii(sealedOld, "cus_1", rotated)).toBe("acne")
    expect(sealPii("acne", "cus_1", rotated).keyId).toBe(rotated.current.id)
    // A key that was dropped cannot open; the message names the key id only.
    const dropped = piiKeyring({ PII_ENCRYPTION_KEY: KEY_B })
    expect(() => openPii(sealedOld, "cus_1", dropped)).toThrow(`No PII key with id ${old.current.id} is configured`)
  })

  it("uses the named development key outside production when none is set", () => {
    const dev = piiKeyring({ NODE_ENV: "development" })
    expect(dev.current.id).toBe(piiKeyring({ PII_ENCRYPTION_KEY: DEVELOPMENT_PII_SECRET }).current.id)
    expect(openPii(sealPii("oily", "c", dev), "c", piiKeyring({ NODE_ENV: "test" }))).toBe("oily")
  })

  it("refuses production without a real key, naming the variable", () => {
    expect(() => piiKeyring({ NODE_ENV: "production" })).toThrow(
      "Refusing to run with NODE_ENV=production: PII_ENCRYPTION_KEY (encrypts personal data) is not set."
    )
    expect(() => piiKeyring({ NODE_ENV: "production", PII_ENCRYPTION_KEY: "short" })).toThrow(
      "PII_ENCRYPTION_KEY (encrypts personal data) is shorter than 32 characters."
    )
    expect(() => piiKeyring({ NODE_ENV: "production", PII_ENCRYPTION_KEY: "changeme" })).toThrow(
      "PII_ENCRYPTION_KEY (encrypts personal data) is a published default."
    )
    expect(() => piiKeyring({ NODE_ENV: "production", PII_ENCRYPTION_KEY: DEVELOPMENT_PII_SECRET })).toThrow(
      "PII_ENCRYPTION_KEY is the development key."
    )
    expect(piiKeyring({ NODE_ENV: "production", PII_ENCRYPTION_KEY: KEY_A }).current.id).toBe(
      piiKeyring({ PII_ENCRYPTION_KEY: KEY_A }).current.id
    )
  })
})

import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto"
import { MedusaError } from "@medusajs/framework/utils"
import { secretProblems } from "./secrets"

/**
 * AES-256-GCM for our personal data at rest (DESIGN.md "Privacy").
 *
 * PII_ENCRYPTION_KEY holds one secret, or several separated by commas: the
 * first encrypts, every one decrypts, so a key rotates by putting the new one
 * first and re-saving rows. Each value is stored with the id of the key that
 * sealed it (a hash of the key, never the key), so reading never guesses.
 * Production refuses to run without a real key, by the same rules as the
 * other secrets (src/lib/secrets.ts); development and tests fall back to
 * DEVELOPMENT_PII_SECRET, a published value that must never hold real data.
 */

export const PII_KEY_VARIABLE = "PII_ENCRYPTION_KEY"
export const DEVELOPMENT_PII_SECRET = "skinior-development-only-pii-key-never-use-in-production"

const IV_BYTES = 12
const TAG_BYTES = 16

export type PiiKey = { id: string; key: Buffer }
export type PiiKeyring = { current: PiiKey; byId: Map<string, Buffer> }
export type Sealed = { keyId: string; value: string }

function keyOf(secret: string): PiiKey {
  // Any secret of 32+ characters becomes 32 key bytes; its id is a separate hash.
  const key = createHash("sha256").update(`skinior-pii-key:${secret}`).digest()
  const id = createHash("sha256").update(`skinior-pii-key-id:${secret}`).digest("hex").slice(0, 12)
  return { id, key }
}

/** The keys from the environment; throws in production when the key is missing, short or a default. */
export function piiKeyring(env: Record<string, string | undefined> = process.env): PiiKeyring {
  const secrets = (env[PII_KEY_VARIABLE] ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
  if (env.NODE_ENV === "production") {
    const problems =
      secrets[0] === DEVELOPMENT_PII_SECRET
        ? [`${PII_KEY_VARIABLE} is the development key.`]
        : secretProblems({ [PII_KEY_VARIABLE]: secrets[0] }, [{ name: PII_KEY_VARIABLE, purpose: "encrypts personal data" }])
    if (problems.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Refusing to run with NODE_ENV=production: ${problems[0]}`)
    }
  }
  const keys = (secrets.length ? secrets : [DEVELOPMENT_PII_SECRET]).map(keyOf)
  return { current: keys[0], byId: new Map(keys.map((k) => [k.id, k.key])) }
}

/**
 * Seals `plaintext` under the current key. `context` (e.g. the customer id) is
 * authenticated with it, so a value copied onto another row does not open.
 */
export function sealPii(plaintext: string, context: string, keyring: PiiKeyring): Sealed {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv("aes-256-gcm", keyring.current.key, iv)
  cipher.setAAD(Buffer.from(context, "utf8"))
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()])
  return { keyId: keyring.current.id, value: Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64") }
}

/** Opens a sealed value; throws when its key is unknown or it was altered or moved. */
export function openPii(sealed: Sealed, context: string, keyring: PiiKeyring): string {
  const key = keyring.byId.get(sealed.keyId)
  if (!key) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `No PII key with id ${sealed.keyId} is configured`)
  }
  const bytes = Buffer.from(sealed.value, "base64")
  if (bytes.length < IV_BYTES + TAG_BYTES) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "Sealed value is truncated")
  }
  const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES))
  decipher.setAAD(Buffer.from(context, "utf8"))
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES))
  try {
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8")
  } catch {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "Sealed value failed authentication")
  }
}

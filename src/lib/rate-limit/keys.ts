import { createHash } from "node:crypto"

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex")

// No real secret key or email comes near this; longer input is cut before hashing.
const MAX_KEY_INPUT = 512

/**
 * The hash of the secret API key an /admin request presents, read the way
 * Medusa's authenticate reads it (HTTP Basic, the key raw or base64-encoded,
 * a trailing ":" dropped), or undefined when it presents none. Computed before
 * authentication, so it costs a sha256, never a scrypt; only the hash is kept
 * (in Redis too), never the key.
 */
export function presentedAdminKey(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined
  const [scheme, token] = authorization.split(" ")
  if (scheme?.toLowerCase() !== "basic" || !token) return undefined
  let key = token.startsWith("sk_") ? token : Buffer.from(token.slice(0, MAX_KEY_INPUT), "base64").toString("utf8")
  if (key.endsWith(":")) key = key.slice(0, -1)
  if (!key.startsWith("sk_")) return undefined
  return sha256(key.slice(0, MAX_KEY_INPUT))
}

/**
 * The key of an email for the per-email auth limit: trimmed, lower-cased and
 * hashed, so "A@x.com " and "a@x.com" share a counter and no address is
 * stored in Redis. Undefined when the body carries no usable email.
 */
export function emailKey(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined
  const email = value.trim().toLowerCase().slice(0, MAX_KEY_INPUT)
  return email ? sha256(email) : undefined
}

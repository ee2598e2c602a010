import { createHash } from "node:crypto"

/**
 * A strong entity tag of the exact bytes sent (strings are sent as UTF-8).
 * SHA-1 only detects change here, it guards nothing; base64url keeps the tag
 * short and free of characters that need quoting.
 */
export function etagOf(body: string | Buffer): string {
  return `"${createHash("sha1").update(body).digest("base64url")}"`
}

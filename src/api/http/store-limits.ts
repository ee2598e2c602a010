import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ErrorDetail } from "../../lib/errors"
import { MAX_ID_LENGTH } from "../../lib/text-safety"
import { medusaInvalid, walkStrings } from "./input-guard"

/**
 * Longest strings Medusa's /store takes in a body. Medusa bounds none of
 * them, and its storefront API is public (the publishable key ships with
 * every storefront), so without these a 100 KB "city" is stored and shown in
 * Admin, emails and exports.
 * - Address fields: 255, a database varchar's customary bound and ample for
 *   any postal line; the same bound covers names and phones inside addresses
 *   and e-mail addresses (RFC 5321 allows 254).
 * - Ids: 100, as everywhere in the shop. Promotion codes: 50 (DESIGN.md).
 * - Anything under `metadata`, `additional_data` or a payment session's
 *   `data`: 4,096, as storefronts keep small JSON-ish notes there.
 * - Any other string: 1,000, the bound of the shop's own free texts (notes,
 *   delivery instructions); no other /store field is meant to be longer.
 */
export const STORE_LIMITS = { address: 255, id: MAX_ID_LENGTH, code: 50, free: 4096, other: 1000 }

const ADDRESS_FIELDS = new Set([
  "first_name",
  "last_name",
  "company",
  "address_1",
  "address_2",
  "city",
  "province",
  "postal_code",
  "country_code",
  "phone",
  "email",
  "address_name",
])
const FREE_FORM = new Set(["metadata", "additional_data", "data"])
const CODES = new Set(["promo_codes", "code", "promo_code"])

/** The bound of one string, from the keys that lead to it. */
export function storeLimitFor(path: string[]): number {
  if (path.some((key) => FREE_FORM.has(key))) return STORE_LIMITS.free
  // Array items are named by their index: the array's own key decides.
  const key = [...path].reverse().find((k) => !/^\d+$/.test(k)) ?? ""
  if (CODES.has(key)) return STORE_LIMITS.code
  if (key === "id" || key.endsWith("_id") || key.endsWith("_ids")) return STORE_LIMITS.id
  if (ADDRESS_FIELDS.has(key)) return STORE_LIMITS.address
  return STORE_LIMITS.other
}

/** 400 in Medusa's shape for any /store body string over its bound (STORE_LIMITS). */
export function limitStoreStrings(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if (!req.body || typeof req.body !== "object") return next()
  const details: ErrorDetail[] = []
  for (const { field, text, isKey, path } of walkStrings(req.body)) {
    const limit = isKey ? STORE_LIMITS.id : storeLimitFor(path)
    if (text.length > limit) {
      details.push({
        field: isKey ? "body" : field,
        message: isKey
          ? `field names must be at most ${limit} characters`
          : `${field} must be at most ${limit} characters`,
      })
      if (details.length >= 5) break
    }
  }
  return details.length ? next(medusaInvalid(details)) : next()
}

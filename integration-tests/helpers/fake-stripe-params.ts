/**
 * The fake Stripe's reading of Stripe's form parameters (every value arrives as
 * a string) and its error answers, in Stripe's shapes and messages.
 */
import { randomBytes } from "node:crypto"

export type Json = Record<string, any>
export type Params = Record<string, unknown>

export const now = () => Math.floor(Date.now() / 1000)
const ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
export const token = (n: number) => Array.from(randomBytes(n), (b) => ALNUM[b % ALNUM.length]).join("")
export const newId = (prefix: string) => `${prefix}_${token(24)}`

/** An error answer; `saved` is false for parameter errors, which Stripe does not store under an idempotency key. */
export class StripeFail extends Error {
  constructor(readonly status: number, readonly body: Json, readonly saved = true) {
    super(String(body.message))
  }
}
export function fail(status: number, type: string, message: string, extra: Json = {}, saved = true) {
  const code = extra.code ? { doc_url: `https://stripe.com/docs/error-codes/${String(extra.code).replace(/_/g, "-")}` } : {}
  return new StripeFail(status, { ...code, ...extra, message, type }, saved)
}
export const invalid = (message: string, param?: string, code?: string) =>
  fail(400, "invalid_request_error", message, { ...(param ? { param } : {}), ...(code ? { code } : {}) }, false)
export const missing = (kind: string, id: string, param: string, status = 400) =>
  fail(status, "invalid_request_error", `No such ${kind}: '${id.slice(0, 100)}'`, { code: "resource_missing", param }, false)

// --- reading Stripe's form parameters (every value arrives as a string) ---
export function str(p: Params, name: string, max = 5000): string | undefined {
  const v = p[name]
  if (v === undefined) return undefined
  if (typeof v !== "string" || v.length > max) throw invalid(`Invalid string: ${String(v).slice(0, 100)}`, name)
  return v
}
export function int(p: Params, name: string): number | undefined {
  const v = str(p, name, 20)
  if (v === undefined) return undefined
  if (!/^-?\d{1,15}$/.test(v)) throw invalid(`Invalid integer: ${v}`, name, "parameter_invalid_integer")
  return Number(v)
}
export const bool = (p: Params, name: string) => str(p, name, 5) === "true"
export function oneOf(p: Params, name: string, allowed: string[]): string | undefined {
  const v = str(p, name, 50)
  if (v !== undefined && !allowed.includes(v)) {
    throw invalid(`Invalid ${name}: must be one of ${allowed.join(", ")}`, name, "parameter_invalid_string")
  }
  return v
}
/** Stripe's metadata merge: an empty string deletes a key, metadata="" clears all. */
export function mergeMetadata(current: Record<string, string>, p: Params): Record<string, string> {
  const m = p.metadata
  if (m === undefined) return current
  if (m === "") return {}
  if (typeof m !== "object" || m === null || Array.isArray(m)) throw invalid("Invalid hash", "metadata")
  const next = { ...current }
  for (const [k, v] of Object.entries(m)) {
    if (typeof v !== "string" || k.length > 40 || v.length > 500) {
      throw invalid("Metadata keys are at most 40 characters and values strings of at most 500", "metadata")
    }
    if (v === "") delete next[k]
    else next[k] = v
  }
  if (Object.keys(next).length > 50) throw invalid("Metadata can have at most 50 keys", "metadata")
  return next
}
export function checkAmount(amount: number, currency: string) {
  if (amount < 1) throw invalid("This value must be greater than or equal to 1.", "amount", "parameter_invalid_integer")
  if (amount > 99999999) throw invalid("Amount must be no more than 99999999", "amount", "amount_too_large")
  // Stripe charges three-decimal currencies only in whole tens of the minor unit.
  if (["bhd", "jod", "kwd", "omr", "tnd"].includes(currency) && amount % 10 !== 0) {
    throw invalid(`Invalid amount: ${currency} amounts must be a multiple of 10`, "amount", "invalid_charge_amount")
  }
}
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`
  if (v && typeof v === "object") {
    const o = v as Json
    return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(",")}}`
  }
  return JSON.stringify(v)
}

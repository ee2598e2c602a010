/**
 * Keys of Stripe objects that carry a person (a charge's billing details, an
 * intent's shipping and receipt email, a checkout's customer details). Ours
 * never needs them: a payment is handled by its ids, amounts, statuses and
 * codes (src/workflows/process-stripe-event.ts).
 */
const PERSONAL_KEYS = new Set([
  "billing_details",
  "shipping",
  "shipping_details",
  "receipt_email",
  "customer_details",
  "customer_email",
  "customer_name",
  "customer_phone",
  "customer_address",
  "email",
  "name",
  "phone",
  "address",
])

/** A copy of `value` with every personal key's value null, at any depth. */
export function withoutPersonalData<T>(value: T, depth = 0): T {
  if (!value || typeof value !== "object" || depth > 12) return value
  if (Array.isArray(value)) return value.map((v) => withoutPersonalData(v, depth + 1)) as T
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, PERSONAL_KEYS.has(key) ? null : withoutPersonalData(v, depth + 1)])
  ) as T
}

import { MedusaError } from "@medusajs/framework/utils"
import { compileTrust, TrustFn } from "./client-ip"

/**
 * Rate limits from the environment (DESIGN.md "Rate limits"). Every limit is
 * a number of requests per window (RATE_LIMIT_WINDOW_SECONDS, default 60);
 * "0" turns that limit off.
 */
export type RateLimitConfig = {
  /** Per client IP across /api/v1, /store and /auth. */
  perIp: number
  /** Per client IP, and separately per email, on login, registration and password reset. */
  auth: number
  /** Per admin secret key (by a hash of the presented key). */
  adminKey: number
  /** Failed secret-key authentications per client IP before /admin refuses keys from it. */
  adminKeyFailures: number
  windowSeconds: number
  keyPrefix: string
  redisUrl?: string
  trustProxy: TrustFn
}

export const RATE_LIMIT_DEFAULTS = {
  RATE_LIMIT_PER_MINUTE: 100,
  AUTH_RATE_LIMIT_PER_MINUTE: 10,
  ADMIN_KEY_RATE_LIMIT_PER_MINUTE: 600,
  ADMIN_KEY_FAILURES_PER_MINUTE: 10,
  RATE_LIMIT_WINDOW_SECONDS: 60,
} as const

type Env = Record<string, string | undefined>

// A typo must not switch a limit off silently: anything but a whole number
// stops the server at start, naming the variable.
function wholeNumber(env: Env, name: keyof typeof RATE_LIMIT_DEFAULTS, min: number): number {
  const raw = env[name]?.trim()
  if (raw === undefined || raw === "") return RATE_LIMIT_DEFAULTS[name]
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < min) {
    throw new MedusaError(MedusaError.Types.INVALID_ARGUMENT, `${name} must be a whole number${min > 0 ? ` of at least ${min}` : " (0 turns the limit off)"}, not "${raw.slice(0, 20)}"`)
  }
  return Number(raw)
}

export function rateLimitConfigFromEnv(env: Env = process.env): RateLimitConfig {
  return {
    perIp: wholeNumber(env, "RATE_LIMIT_PER_MINUTE", 0),
    auth: wholeNumber(env, "AUTH_RATE_LIMIT_PER_MINUTE", 0),
    adminKey: wholeNumber(env, "ADMIN_KEY_RATE_LIMIT_PER_MINUTE", 0),
    adminKeyFailures: wholeNumber(env, "ADMIN_KEY_FAILURES_PER_MINUTE", 0),
    windowSeconds: wholeNumber(env, "RATE_LIMIT_WINDOW_SECONDS", 1),
    keyPrefix: env.RATE_LIMIT_KEY_PREFIX?.trim() || "skinior:rl",
    redisUrl: env.REDIS_URL?.trim() || undefined,
    trustProxy: compileTrust(env.TRUST_PROXY),
  }
}

import crypto from "node:crypto"
import { generateJwtToken } from "@medusajs/framework/utils"
import { validationError } from "./errors"

/** DESIGN.md "Auth": passwords have at least this many characters. */
export const PASSWORD_MIN_LENGTH = 10
/** Bounded like every string we accept; scrypt hashes whatever it is given. */
export const PASSWORD_MAX_LENGTH = 128

/** Access tokens (Medusa customer JWTs) and refresh tokens live this long unless the env says otherwise. */
export const ACCESS_TOKEN_SECONDS = Number(process.env.CUSTOMER_ACCESS_TOKEN_SECONDS) || 15 * 60
export const REFRESH_TOKEN_DAYS = Number(process.env.CUSTOMER_REFRESH_TOKEN_DAYS) || 30

/**
 * 400 VALIDATION_ERROR with a `password` detail for a password that is too
 * short, too long, or the email itself (any case). Register, reset and any
 * later password change call this one rule.
 */
export function assertPasswordAcceptable(password: string, email: string, field = "password"): void {
  if (typeof password !== "string" || password.length < PASSWORD_MIN_LENGTH) {
    throw validationError("Invalid input data", [
      { field, message: `Password must be at least ${PASSWORD_MIN_LENGTH} characters` },
    ])
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    throw validationError("Invalid input data", [
      { field, message: `Password must be at most ${PASSWORD_MAX_LENGTH} characters` },
    ])
  }
  if (typeof email === "string" && password.trim().toLowerCase() === email.trim().toLowerCase()) {
    throw validationError("Invalid input data", [{ field, message: "Password must not be the email address" }])
  }
}

/** Where emailed links point: the storefront's reset and verification pages. */
export const storefrontUrl = () => (process.env.STOREFRONT_URL || "http://localhost:8000").replace(/\/+$/, "")

export type CustomerTokenOwner = { customer_id: string; auth_identity_id: string; email: string }

type JwtHttpConfig = { jwtSecret?: unknown; jwtOptions?: object }

/**
 * A Medusa customer JWT, as Medusa's own emailpass login makes it (actor_id,
 * actor_type, auth_identity_id, app_metadata.customer_id), so `authenticate
 * ("customer", ["bearer"])` accepts it on /store and /api/v1, plus the
 * requirements' claims sub, email and role; jsonwebtoken adds iat and exp.
 */
export function signCustomerAccessToken(http: JwtHttpConfig, owner: CustomerTokenOwner) {
  const accessToken = generateJwtToken(
    {
      actor_id: owner.customer_id,
      actor_type: "customer",
      auth_identity_id: owner.auth_identity_id,
      auth_provider: "emailpass",
      mfa_enabled: false,
      mfa_challenge_completed_at: null,
      app_metadata: { customer_id: owner.customer_id },
      user_metadata: {},
      sub: owner.customer_id,
      email: owner.email,
      role: "customer",
    },
    {
      secret: http.jwtSecret as string,
      expiresIn: ACCESS_TOKEN_SECONDS,
      jwtOptions: { ...(http.jwtOptions ?? {}), expiresIn: ACCESS_TOKEN_SECONDS },
    }
  )
  return { accessToken, expiresIn: ACCESS_TOKEN_SECONDS }
}

/** Emails are matched as Medusa's emailpass stores them: trimmed, lower case. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase()

// emailpass's scrypt parameters (logN 15, r 8, p 1): a failed lookup costs what a wrong password costs.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }
const DUMMY_SALT = crypto.randomBytes(32)

/**
 * Spends one scrypt hash on a login for an email with no account, so the
 * 401 takes as long as a wrong password's (no account enumeration by time).
 */
export function spendPasswordCheck(password: string): Promise<void> {
  return new Promise((resolve) => crypto.scrypt(password, DUMMY_SALT, 64, SCRYPT, () => resolve()))
}

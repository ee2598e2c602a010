import { getAuthContextFromJwtToken } from "@medusajs/framework/http"
import type { ConfigModule } from "@medusajs/framework/types"
import { ApiError } from "../../../../lib/errors"
import { RESET_TOKEN_USED } from "../../../../workflows/steps/customer-account-auth"

export type ResetClaims = { email: string; jti: string }

export const RESET_TOKEN_EXPIRED = "Reset link has expired: ask for a new one"

/**
 * Reads a reset token as Medusa's own update route does (signature, purpose
 * "reset", a jti), but tells an expired token (410 GONE) from a forged or
 * malformed one (400): the signature is checked with expiry ignored, and the
 * expiry is compared here. Whether it was already used is known only when
 * it is spent (400 as well).
 */
export function readResetToken(token: string, http: ConfigModule["projectConfig"]["http"]): ResetClaims {
  const claims = getAuthContextFromJwtToken(
    `Bearer ${token}`,
    http.jwtSecret as string,
    ["bearer"],
    ["customer"],
    http.jwtPublicKey,
    { ...(http.jwtVerifyOptions ?? http.jwtOptions ?? {}), ignoreExpiration: true } as object
  ) as unknown as Record<string, unknown> | null
  const valid =
    !!claims &&
    claims.purpose === "reset" &&
    claims.provider === "emailpass" &&
    typeof claims.entity_id === "string" &&
    typeof claims.jti === "string"
  if (!valid) {
    throw new ApiError(400, "VALIDATION_ERROR", RESET_TOKEN_USED, [{ field: "token", message: RESET_TOKEN_USED }])
  }
  if (typeof claims.exp !== "number" || claims.exp * 1000 <= Date.now()) {
    throw new ApiError(410, "GONE", RESET_TOKEN_EXPIRED, [{ field: "token", message: RESET_TOKEN_EXPIRED }])
  }
  return { email: claims.entity_id as string, jti: claims.jti as string }
}

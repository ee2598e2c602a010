import { ApiError } from "../../../../lib/errors"

/** One answer for an unknown email, a wrong password, and an identity without an account. */
export const badCredentials = () => new ApiError(401, "AUTHENTICATION_ERROR", "Invalid email or password")

/** One answer for unknown, expired, revoked and reused refresh tokens. */
export const badRefreshToken = () =>
  new ApiError(401, "AUTHENTICATION_ERROR", "Refresh token is invalid, expired or revoked: sign in again")

import { ApiError } from "../errors"
import { assertPasswordAcceptable, PASSWORD_MIN_LENGTH, signCustomerAccessToken } from "../customer-auth"

const failure = (password: string, email = "lina@example.com") => {
  try {
    assertPasswordAcceptable(password, email)
    return null
  } catch (e) {
    const err = e as ApiError
    return { status: err.status, code: err.errorCode, details: err.details }
  }
}

describe("assertPasswordAcceptable", () => {
  it("takes 10 characters or more that are not the email", () => {
    expect(PASSWORD_MIN_LENGTH).toBe(10)
    expect(failure("0123456789")).toBeNull()
    expect(failure("x".repeat(128))).toBeNull()
  })

  it("refuses short, overlong and email-equal passwords with a 400 naming the field", () => {
    expect(failure("012345678")).toEqual({
      status: 400,
      code: "VALIDATION_ERROR",
      details: [{ field: "password", message: "Password must be at least 10 characters" }],
    })
    expect(failure("x".repeat(129))?.details).toEqual([
      { field: "password", message: "Password must be at most 128 characters" },
    ])
    expect(failure(" LINA@Example.com", "lina@example.com")?.details).toEqual([
      { field: "password", message: "Password must not be the email address" },
    ])
  })
})

describe("signCustomerAccessToken", () => {
  it("carries Medusa's customer claims and the requirements' sub/email/role for 15 minutes", () => {
    const { accessToken, expiresIn } = signCustomerAccessToken(
      { jwtSecret: "test-secret", jwtOptions: { expiresIn: "1d" } },
      { customer_id: "cus_1", auth_identity_id: "authid_1", email: "lina@example.com" }
    )
    const claims = JSON.parse(Buffer.from(accessToken.split(".")[1], "base64url").toString("utf8"))
    expect(expiresIn).toBe(900)
    expect(claims).toEqual({
      actor_id: "cus_1",
      actor_type: "customer",
      auth_identity_id: "authid_1",
      auth_provider: "emailpass",
      mfa_enabled: false,
      mfa_challenge_completed_at: null,
      app_metadata: { customer_id: "cus_1" },
      user_metadata: {},
      sub: "cus_1",
      email: "lina@example.com",
      role: "customer",
      iat: claims.iat,
      exp: claims.iat + 900,
    })
  })
})

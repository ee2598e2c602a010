import { mkdtempSync } from "node:fs"
import { readdir, readFile } from "node:fs/promises"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys, generateJwtToken } from "@medusajs/framework/utils"
import { createCustomer } from "../helpers/customers"
import { eventually } from "../helpers/eventually"

jest.setTimeout(180 * 1000)

// The local email provider writes here; set before the runner loads medusa-config.
const EMAIL_DIR = mkdtempSync(path.join(os.tmpdir(), "skinior-customer-auth-"))
process.env.LOCAL_EMAIL_DIR = EMAIL_DIR

const PASSWORD = "correct-horse-battery" // the helper's
const JWT_SECRET = process.env.JWT_SECRET || "supersecret"
const anyStatus = { validateStatus: () => true }

const decode = (jwt: string) => JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString("utf8"))

/**
 * The emails of one template written after this call (the folder outlives
 * each test's database; specs run one test at a time), oldest first.
 */
async function mailbox(template: string) {
  const list = async () => (await readdir(EMAIL_DIR)).filter((f) => f.includes(template) && f.endsWith(".html")).sort()
  const seen = new Set(await list())
  const read = async () =>
    Promise.all((await list()).filter((f) => !seen.has(f)).map((f) => readFile(path.join(EMAIL_DIR, f), "utf8")))
  return {
    read,
    /** Waits for exactly n new emails and returns the secret in the n-th one's `<code id="...">`. */
    secret: (id: string, n: number) =>
      eventually(async () => {
        const mails = await read()
        expect(mails.length).toBe(n)
        const match = mails[n - 1].match(new RegExp(`<code id="${id}"[^>]*>([^<]+)</code>`))
        expect(match).not.toBeNull()
        return { secret: match![1], html: mails[n - 1] }
      }),
  }
}

/** Contract error body without its (per-request) requestId. */
const errorOf = (res: { data: any; headers: any }) => {
  expect(res.data.error.requestId).toBe(res.headers["x-request-id"])
  const { requestId: _, ...rest } = res.data.error
  return rest
}

/**
 * /api/v1/auth: login, rotating refresh tokens (reuse revokes the family),
 * logout, password reset by email, email verification, and the access
 * token on /store and /api/v1. Reset and verification emails are read from
 * the local provider's folder.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: { LOCAL_EMAIL_DIR: EMAIL_DIR },
  testSuite: ({ api, getContainer }) => {
    let publishableKey: string

    beforeAll(async () => {
      const { result } = await createApiKeysWorkflow(getContainer()).run({
        input: { api_keys: [{ title: "auth spec", type: "publishable", created_by: "" }] },
      })
      publishableKey = result[0].token
    })

    // Each test gets a fresh database (the runner restores it), so customers are made per test.
    const signUp = (email: string) => createCustomer(api, publishableKey, email)
    const login = (email: string, password = PASSWORD) => api.post("/api/v1/auth/login", { email, password }, anyStatus)
    const refresh = (refreshToken: string) => api.post("/api/v1/auth/refresh", { refreshToken }, anyStatus)
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
    const storeMe = (token: string) =>
      api.get("/store/customers/me", { headers: { ...bearer(token), "x-publishable-api-key": publishableKey }, ...anyStatus })

    const REFRESH_401 = {
      code: "AUTHENTICATION_ERROR",
      message: "Refresh token is invalid, expired or revoked: sign in again",
    }

    it("logs in with a 15-minute Medusa customer JWT carrying the requirements' claims, usable on /store and /api/v1", async () => {
      const customer = await signUp("lina@example.com")
      const res = await login("Lina@Example.com ")
      expect(res.status).toBe(200)
      expect(Object.keys(res.data)).toEqual(["data"])
      expect(Object.keys(res.data.data).sort()).toEqual(["accessToken", "expiresIn", "refreshToken"])
      expect(res.data.data.expiresIn).toBe(900)
      expect(res.data.data.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/)

      const claims = decode(res.data.data.accessToken)
      expect(claims).toMatchObject({
        sub: customer.id,
        email: "lina@example.com",
        role: "customer",
        actor_id: customer.id,
        actor_type: "customer",
        app_metadata: { customer_id: customer.id },
      })
      expect(claims.auth_identity_id).toMatch(/^authid_/)
      expect(claims.exp - claims.iat).toBe(900)
      expect(Math.abs(claims.iat - Date.now() / 1000)).toBeLessThan(60)

      const me = await storeMe(res.data.data.accessToken)
      expect(me.status).toBe(200)
      expect(me.data.customer.id).toBe(customer.id)
      const orders = await api.get("/api/v1/orders", { headers: bearer(res.data.data.accessToken), ...anyStatus })
      expect(orders.status).toBe(200)
      expect(orders.data.data).toEqual([])

      // Only the hash is stored.
      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const rows = await knex("customer_refresh_token").select("token_hash", "customer_id")
      expect(rows).toHaveLength(1)
      expect(rows[0].customer_id).toBe(customer.id)
      expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/)
      expect(JSON.stringify(rows)).not.toContain(res.data.data.refreshToken)
    })

    it("answers a wrong password, an unknown email and an identity without a customer with the same 401", async () => {
      await signUp("omar@example.com")
      await api.post("/auth/customer/emailpass/register", { email: "noaccount@example.com", password: PASSWORD })
      const timed = async (email: string) => {
        const started = performance.now()
        const res = await login(email, "not-the-password")
        return { res, ms: performance.now() - started }
      }
      const { res: wrong, ms: wrongMs } = await timed("omar@example.com")
      const { res: unknown, ms: unknownMs } = await timed("nobody@example.com")
      // Both paths spend one scrypt hash (~100 ms here); without it an unknown email answers in a few ms.
      expect(wrongMs).toBeGreaterThan(50)
      expect(unknownMs).toBeGreaterThan(50)
      const noCustomer = await login("noaccount@example.com")
      const expected = { code: "AUTHENTICATION_ERROR", message: "Invalid email or password" }
      for (const res of [wrong, unknown, noCustomer]) {
        expect(res.status).toBe(401)
        expect(errorOf(res)).toEqual(expected)
      }
    })

    it("answers 400 with details for bad login, refresh, logout, reset and verification bodies", async () => {
      const cases: [string, unknown, { field: string; message: string }[]][] = [
        ["/api/v1/auth/login", { password: PASSWORD }, [{ field: "email", message: "email is required" }]],
        ["/api/v1/auth/login", { email: "not-an-email", password: PASSWORD }, [{ field: "email", message: "Invalid email address" }]],
        ["/api/v1/auth/login", { email: "a@example.com", password: PASSWORD, role: "admin" }, [{ field: "role", message: "Unknown field" }]],
        ["/api/v1/auth/login", { email: "a@example.com", password: "x".repeat(129) }, [{ field: "password", message: "Too big: expected string to have <=128 characters" }]],
        ["/api/v1/auth/refresh", {}, [{ field: "refreshToken", message: "refreshToken is required" }]],
        ["/api/v1/auth/refresh", { refreshToken: 42 }, [{ field: "refreshToken", message: "Invalid input: expected string, received number" }]],
        ["/api/v1/auth/logout", {}, [{ field: "refreshToken", message: "refreshToken is required" }]],
        ["/api/v1/auth/password-reset", { email: "nope" }, [{ field: "email", message: "Invalid email address" }]],
        ["/api/v1/auth/password-reset/confirm", { password: "long-enough-password" }, [{ field: "token", message: "token is required" }]],
        ["/api/v1/auth/verify-email", { code: "x".repeat(51) }, [{ field: "code", message: "Too big: expected string to have <=50 characters" }]],
      ]
      for (const [url, body, details] of cases) {
        const res = await api.post(url, body, anyStatus)
        expect([url, res.status]).toEqual([url, 400])
        expect(errorOf(res)).toEqual({ code: "VALIDATION_ERROR", message: "Invalid input data", details })
      }
    })

    it("rotates refresh tokens; a reused one revokes the whole family; logout revokes", async () => {
      const customer = await signUp("rana@example.com")
      const first = (await login("rana@example.com")).data.data

      const second = await refresh(first.refreshToken)
      expect(second.status).toBe(200)
      expect(Object.keys(second.data.data).sort()).toEqual(["accessToken", "expiresIn", "refreshToken"])
      expect(second.data.data.refreshToken).not.toBe(first.refreshToken)
      expect(second.data.data.expiresIn).toBe(900)
      expect(decode(second.data.data.accessToken)).toMatchObject({ sub: customer.id, email: "rana@example.com", role: "customer" })
      expect((await storeMe(second.data.data.accessToken)).status).toBe(200)

      const third = await refresh(second.data.data.refreshToken)
      expect(third.status).toBe(200)

      // The first token, spent, comes back: a thief or a replay. The family dies.
      const reuse = await refresh(first.refreshToken)
      expect(reuse.status).toBe(401)
      expect(errorOf(reuse)).toEqual(REFRESH_401)
      const latest = await refresh(third.data.data.refreshToken)
      expect(latest.status).toBe(401)
      expect(errorOf(latest)).toEqual(REFRESH_401)

      // Another sign-in (another family) is untouched by that, and logout ends it.
      const other = (await login("rana@example.com")).data.data
      const rotated = await refresh(other.refreshToken)
      expect(rotated.status).toBe(200)
      const out = await api.post("/api/v1/auth/logout", { refreshToken: rotated.data.data.refreshToken }, anyStatus)
      expect(out.status).toBe(200)
      expect(out.data).toEqual({ data: { revoked: true }, message: "Signed out" })
      const again = await api.post("/api/v1/auth/logout", { refreshToken: rotated.data.data.refreshToken }, anyStatus)
      expect(again.status).toBe(200)
      const afterLogout = await refresh(rotated.data.data.refreshToken)
      expect(afterLogout.status).toBe(401)
      expect(errorOf(afterLogout)).toEqual(REFRESH_401)

      const unknownLogout = await api.post("/api/v1/auth/logout", { refreshToken: "x".repeat(43) }, anyStatus)
      expect(unknownLogout.status).toBe(401)
      expect(errorOf(unknownLogout)).toEqual(REFRESH_401)

      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const rows = await knex("customer_refresh_token").select("family_id", "used_at", "revoked_at")
      expect(rows).toHaveLength(5) // first, second, third; other, rotated
      expect(new Set(rows.map((r: { family_id: string }) => r.family_id)).size).toBe(2)
      expect(rows.every((r: { revoked_at: Date | null }) => r.revoked_at !== null)).toBe(true)
    })

    it("refuses unknown and expired refresh tokens with the same 401", async () => {
      await signUp("sara@example.com")
      const tokens = (await login("sara@example.com")).data.data
      const unknown = await refresh("A".repeat(43))
      expect(unknown.status).toBe(401)
      expect(errorOf(unknown)).toEqual(REFRESH_401)

      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await knex("customer_refresh_token").update({ expires_at: new Date(Date.now() - 1000) })
      const expired = await refresh(tokens.refreshToken)
      expect(expired.status).toBe(401)
      expect(errorOf(expired)).toEqual(REFRESH_401)
    })

    it("two parallel refreshes with one token: one rotates, the other is a reuse that revokes the family", async () => {
      await signUp("dana@example.com")
      const tokens = (await login("dana@example.com")).data.data
      const [a, b] = await Promise.all([refresh(tokens.refreshToken), refresh(tokens.refreshToken)])
      expect([a.status, b.status].sort()).toEqual([200, 401])
      const winner = a.status === 200 ? a : b
      expect((await refresh(winner.data.data.refreshToken)).status).toBe(401)
    })

    it("rejects a missing, forged or expired access token on /api/v1 with the contract's 401", async () => {
      const customer = await signUp("yara@example.com")
      const tokens = (await login("yara@example.com")).data.data
      const { iat: _iat, exp: _exp, ...claims } = decode(tokens.accessToken)
      const forged = generateJwtToken(claims, { secret: "not-the-secret", expiresIn: 900 })
      const expired = generateJwtToken(claims, { secret: JWT_SECRET, expiresIn: -10 })
      const expected = { code: "AUTHENTICATION_ERROR", message: "Sign in as a customer: send a valid Bearer token" }
      for (const headers of [{}, bearer(forged), bearer(expired)]) {
        const res = await api.get("/api/v1/orders", { headers, ...anyStatus })
        expect(res.status).toBe(401)
        expect(errorOf(res)).toEqual(expected)
      }
      expect((await storeMe(expired)).status).toBe(401)
      expect(customer.id).toBe(claims.sub)
    })

    it("resets a password from the emailed link: 202 always, single use, expiry, old sessions dead", async () => {
      const customer = await signUp("hala@example.com")
      const resets = await mailbox("customer-password-reset")
      const before = (await login("hala@example.com")).data.data

      const accepted = { data: { accepted: true }, message: "If an account exists for this email, a link to reset its password is on its way" }
      const known = await api.post("/api/v1/auth/password-reset", { email: "Hala@example.com" }, anyStatus)
      const unknown = await api.post("/api/v1/auth/password-reset", { email: "ghost@example.com" }, anyStatus)
      expect([known.status, unknown.status]).toEqual([202, 202])
      expect(known.data).toEqual(accepted)
      expect(unknown.data).toEqual(accepted)

      const { secret: token, html } = await resets.secret("reset-token", 1)
      expect(html).toContain(`http://localhost:8000/account/reset-password?token=${token}`)
      expect(html).toContain('lang="ar" dir="rtl"')
      expect(html).toContain("إعادة تعيين كلمة المرور")
      // Nothing was mailed for the unknown address; the one email names the account's address.
      await new Promise((r) => setTimeout(r, 500))
      expect(await resets.read()).toHaveLength(1)
      expect(decode(token)).toMatchObject({ entity_id: "hala@example.com", purpose: "reset", actor_type: "customer" })

      // A refused password leaves the link usable.
      const short = await api.post("/api/v1/auth/password-reset/confirm", { token, password: "short" }, anyStatus)
      expect(short.status).toBe(400)
      expect(errorOf(short)).toEqual({
        code: "VALIDATION_ERROR",
        message: "Invalid input data",
        details: [{ field: "password", message: "Password must be at least 10 characters" }],
      })
      const same = await api.post("/api/v1/auth/password-reset/confirm", { token, password: "HALA@example.com" }, anyStatus)
      expect(same.status).toBe(400)
      expect(errorOf(same).details).toEqual([{ field: "password", message: "Password must not be the email address" }])

      const done = await api.post("/api/v1/auth/password-reset/confirm", { token, password: "a-brand-new-passphrase" }, anyStatus)
      expect(done.status).toBe(200)
      expect(done.data).toEqual({ data: { passwordReset: true }, message: "Password changed: sign in with the new password" })

      const used = await api.post("/api/v1/auth/password-reset/confirm", { token, password: "yet-another-passphrase" }, anyStatus)
      expect(used.status).toBe(400)
      expect(errorOf(used)).toEqual({
        code: "VALIDATION_ERROR",
        message: "Reset token is invalid or already used",
        details: [{ field: "token", message: "Reset token is invalid or already used" }],
      })

      expect((await login("hala@example.com")).status).toBe(401)
      const after = await login("hala@example.com", "a-brand-new-passphrase")
      expect(after.status).toBe(200)
      expect(decode(after.data.data.accessToken).sub).toBe(customer.id)
      const dead = await refresh(before.refreshToken)
      expect(dead.status).toBe(401)
      expect(errorOf(dead)).toEqual(REFRESH_401)

      // Expired (signed right, past its 15 minutes) → 410; forged or garbage → 400.
      const claims = decode(token)
      const expiredToken = generateJwtToken(
        { entity_id: claims.entity_id, provider: "emailpass", actor_type: "customer", purpose: "reset" },
        { secret: JWT_SECRET, expiresIn: -10, jwtOptions: { jwtid: claims.jti } }
      )
      const expired = await api.post("/api/v1/auth/password-reset/confirm", { token: expiredToken, password: "long-enough-password" }, anyStatus)
      expect(expired.status).toBe(410)
      expect(errorOf(expired)).toEqual({
        code: "GONE",
        message: "Reset link has expired: ask for a new one",
        details: [{ field: "token", message: "Reset link has expired: ask for a new one" }],
      })
      // A customer's access token is no reset token.
      for (const bad of ["garbage", after.data.data.accessToken]) {
        const res = await api.post("/api/v1/auth/password-reset/confirm", { token: bad, password: "long-enough-password" }, anyStatus)
        expect(res.status).toBe(400)
        expect(errorOf(res).message).toBe("Reset token is invalid or already used")
      }
    })

    it("Medusa's own /auth reset and update routes: same email, links interchangeable, sessions revoked", async () => {
      await signUp("rami@example.com")
      const before = (await login("rami@example.com")).data.data
      const resets = await mailbox("customer-password-reset")
      const medusa = await api.post("/auth/customer/emailpass/reset-password", { identifier: "rami@example.com" }, anyStatus)
      expect(medusa.status).toBe(201)
      const { secret: token, html } = await resets.secret("reset-token", 1)
      expect(html).toContain(`http://localhost:8000/account/reset-password?token=${token}`)
      const done = await api.post("/api/v1/auth/password-reset/confirm", { token, password: "rami-new-passphrase" }, anyStatus)
      expect(done.status).toBe(200)
      const current = (await login("rami@example.com", "rami-new-passphrase")).data.data
      expect((await refresh(before.refreshToken)).status).toBe(401)

      // And the other way round: our link on Medusa's own update route also ends our sessions.
      await api.post("/api/v1/auth/password-reset", { email: "rami@example.com" })
      const { secret: second } = await resets.secret("reset-token", 2)
      const update = await api.post(
        "/auth/customer/emailpass/update",
        { password: "rami-third-passphrase" },
        { headers: bearer(second), ...anyStatus }
      )
      expect(update.status).toBe(200)
      expect((await login("rami@example.com", "rami-third-passphrase")).status).toBe(200)
      await eventually(async () => expect((await refresh(current.refreshToken)).status).toBe(401))
    })

    it("verifies the email with a mailed single-use code; resend replaces it; 400/401/409/410", async () => {
      const customer = await signUp("nour@example.com")
      const mails = await mailbox("customer-verify-email")
      const tokens = (await login("nour@example.com")).data.data

      const anonymous = await api.post("/api/v1/auth/verify-email/resend", {}, anyStatus)
      expect(anonymous.status).toBe(401)
      expect(errorOf(anonymous)).toEqual({
        code: "AUTHENTICATION_ERROR",
        message: "Sign in as a customer: send a valid Bearer token",
      })

      const sent = await api.post("/api/v1/auth/verify-email/resend", {}, { headers: bearer(tokens.accessToken), ...anyStatus })
      expect(sent.status).toBe(202)
      expect(sent.data).toEqual({ data: { sent: true }, message: "A new verification code is on its way" })
      const { secret: firstCode, html } = await mails.secret("verification-code", 1)
      expect(html).toContain(`http://localhost:8000/account/verify-email?code=${firstCode}`)
      expect(html).toContain('lang="ar" dir="rtl"')

      await api.post("/api/v1/auth/verify-email/resend", {}, { headers: bearer(tokens.accessToken) })
      const { secret: code } = await mails.secret("verification-code", 2)
      expect(code).not.toBe(firstCode)

      const invalid = {
        code: "VALIDATION_ERROR",
        message: "Verification code is invalid or already used",
        details: [{ field: "code", message: "Verification code is invalid or already used" }],
      }
      const old = await api.post("/api/v1/auth/verify-email", { code: firstCode }, anyStatus)
      expect(old.status).toBe(400)
      expect(errorOf(old)).toEqual(invalid)

      const ok = await api.post("/api/v1/auth/verify-email", { code }, anyStatus)
      expect(ok.status).toBe(200)
      expect(ok.data.data.emailVerified).toBe(true)
      expect(ok.data.message).toBe("Email address confirmed")
      const me = await storeMe(tokens.accessToken)
      expect(me.data.customer.metadata.email_verified_at).toBe(ok.data.data.verifiedAt)
      expect(new Date(ok.data.data.verifiedAt).toISOString()).toBe(ok.data.data.verifiedAt)

      const twice = await api.post("/api/v1/auth/verify-email", { code }, anyStatus)
      expect(twice.status).toBe(400)
      expect(errorOf(twice)).toEqual(invalid)

      const resendVerified = await api.post("/api/v1/auth/verify-email/resend", {}, { headers: bearer(tokens.accessToken), ...anyStatus })
      expect(resendVerified.status).toBe(409)
      expect(errorOf(resendVerified)).toEqual({ code: "CONFLICT", message: "Email address is already verified" })
      expect(customer.id).toBe(me.data.customer.id)
    })

    it("answers 410 for an expired verification code", async () => {
      await signUp("zaid@example.com")
      const mails = await mailbox("customer-verify-email")
      const tokens = (await login("zaid@example.com")).data.data
      await api.post("/api/v1/auth/verify-email/resend", {}, { headers: bearer(tokens.accessToken) })
      const { secret: code } = await mails.secret("verification-code", 1)
      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await knex("auth_verification").update({ requested_at: new Date(Date.now() - 16 * 60 * 1000) })
      const res = await api.post("/api/v1/auth/verify-email", { code }, anyStatus)
      expect(res.status).toBe(410)
      expect(errorOf(res)).toEqual({
        code: "GONE",
        message: "Verification code has expired: ask for a new one",
        details: [{ field: "code", message: "Verification code has expired: ask for a new one" }],
      })
    })
  },
})

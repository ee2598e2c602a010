import { randomBytes, randomUUID } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import { Modules } from "@medusajs/framework/utils"

jest.setTimeout(120 * 1000)

// Set before the runner boots Medusa (integration-tests/setup.js turns limits
// off for every other spec). Addresses come from X-Forwarded-For, believed
// from the loopback "proxy" the test client is, so each test has its own
// clients. A window of a few seconds lets the reset be seen; the in-memory
// store (no REDIS_URL here) is the one in use: the Redis store has its own
// spec (src/lib/rate-limit/__tests__/redis-store.unit.spec.ts).
const WINDOW_SECONDS = 6
Object.assign(process.env, {
  RATE_LIMIT_PER_MINUTE: "100",
  AUTH_RATE_LIMIT_PER_MINUTE: "10",
  ADMIN_KEY_RATE_LIMIT_PER_MINUTE: "20",
  ADMIN_KEY_FAILURES_PER_MINUTE: "5",
  RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
  RATE_LIMIT_KEY_PREFIX: `skinior:rl:spec:${randomUUID()}`,
  TRUST_PROXY: "loopback",
})

const anyStatus = { validateStatus: () => true }
const from = (ip: string, headers: Record<string, string> = {}) => ({ headers: { "x-forwarded-for": ip, ...headers }, ...anyStatus })
type Answer = { status: number; data: any; headers: Record<string, any> }

/** The RateLimit-* headers of an answer, as numbers. */
const limitHeaders = (res: Answer) => ({
  limit: Number(res.headers["ratelimit-limit"]),
  remaining: Number(res.headers["ratelimit-remaining"]),
})
const resetSeconds = (res: Answer) => Number(res.headers["ratelimit-reset"])
const retryAfter = (res: Answer) => Number(res.headers["retry-after"])
const statuses = (answers: Answer[]) =>
  answers.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {})

/** The contract's 429 (without its per-request id, checked against the header). */
function contract429(res: Answer) {
  expect(res.status).toBe(429)
  expect(res.data.error.requestId).toBe(res.headers["x-request-id"])
  expect(Object.keys(res.data)).toEqual(["error"])
  return { code: res.data.error.code, message: res.data.error.message }
}
/** Medusa's error shape, as our other /store and /auth errors answer. */
const medusa429 = (res: Answer) => {
  expect(res.status).toBe(429)
  return res.data
}
const tooMany = (what: string, limit: number) =>
  expect.stringMatching(new RegExp(`^Too many ${what} \\(at most ${limit} per ${WINDOW_SECONDS} seconds\\); retry in [1-${WINDOW_SECONDS}] seconds$`))

/**
 * Rate limits (issue 13, DESIGN.md "Rate limits") over HTTP, in-memory store:
 * each at its edge, the answers' shapes and headers, the reset after the
 * window, and that the limiter runs before Medusa's authentication (a burst of
 * bogus secret keys costs no scrypt past a small budget).
 */
medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let publishableKey: string
    let secretKey: string

    beforeAll(async () => {
      const { result } = await createApiKeysWorkflow(getContainer()).run({
        input: {
          api_keys: [
            { title: "rate-limit spec", type: "publishable", created_by: "" },
            { title: "rate-limit spec ERP", type: "secret", created_by: "" },
          ],
        },
      })
      publishableKey = result.find((k) => k.type === "publishable")!.token
      secretKey = result.find((k) => k.type === "secret")!.token
    })

    const store = (ip: string, key: string | undefined = publishableKey) =>
      api.get("/store/regions", from(ip, key ? { "x-publishable-api-key": key } : {}))
    const ours = (ip: string) => api.get("/api/v1/products?limit=1", from(ip))

    it("allows 100 requests a window per address across /api/v1 and /store, refuses the 101st on either, and starts again after the window", async () => {
      const ip = "203.0.113.1"
      const first = await Promise.all([
        ...Array.from({ length: 60 }, () => ours(ip)),
        ...Array.from({ length: 40 }, () => store(ip)),
      ])
      expect(statuses(first)).toEqual({ 200: 100 })
      // Every answer carries the headers; together they count 99 down to 0.
      expect(first.map((r) => limitHeaders(r).limit)).toEqual(Array(100).fill(100))
      expect(first.map((r) => limitHeaders(r).remaining).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 100 }, (_, i) => i)
      )

      const over = await ours(ip)
      expect(contract429(over)).toEqual({ code: "RATE_LIMITED", message: tooMany("requests from this address", 100) })
      expect(limitHeaders(over)).toEqual({ limit: 100, remaining: 0 })
      expect(retryAfter(over)).toBeGreaterThanOrEqual(1)
      expect(retryAfter(over)).toBeLessThanOrEqual(WINDOW_SECONDS)
      expect(resetSeconds(over)).toBeLessThanOrEqual(retryAfter(over))

      // /store answers in Medusa's shape, and before Medusa's publishable-key check (else this were 400).
      for (const res of [await store(ip), await store(ip, undefined)]) {
        expect(medusa429(res)).toEqual({
          type: "invalid_data",
          code: "RATE_LIMITED",
          message: tooMany("requests from this address", 100),
        })
        expect(retryAfter(res)).toBeGreaterThanOrEqual(1)
      }
      // /auth counts too.
      expect((await api.post("/auth/token/refresh", {}, from(ip))).status).toBe(429)

      // Not limited per address: health checks and payment webhooks.
      expect((await api.get("/api/v1/health", from(ip))).status).toBe(200)
      expect((await api.get("/health", from(ip))).status).toBe(200)
      expect((await api.post("/api/webhooks/stripe", {}, from(ip))).status).not.toBe(429)
      expect((await api.post("/hooks/payment/stripe_stripe", {}, from(ip))).status).not.toBe(429)

      // Another address is unaffected.
      expect((await ours("203.0.113.2")).status).toBe(200)

      // After the window the address starts again at 99 left.
      await new Promise((resolve) => setTimeout(resolve, retryAfter(over) * 1000 + 200))
      const again = await ours(ip)
      expect(again.status).toBe(200)
      expect(limitHeaders(again)).toEqual({ limit: 100, remaining: 99 })
    })

    it("allows 10 sign-in, registration and reset attempts a window per address, on /api/v1 and Medusa's /auth alike", async () => {
      const ip = "203.0.113.20"
      const attempts = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          i % 2
            ? api.post("/api/v1/auth/login", { email: `nobody${i}@example.com`, password: "wrong-password" }, from(ip))
            : api.post("/auth/customer/emailpass", { email: `nobody${i}@example.com`, password: "wrong-password" }, from(ip))
        )
      )
      expect(statuses(attempts)).toEqual({ 401: 10 })
      expect(attempts.map((r) => limitHeaders(r).limit)).toEqual(Array(10).fill(10))

      const email = "someone-else@example.com"
      const ourLogin = await api.post("/api/v1/auth/login", { email, password: "wrong-password" }, from(ip))
      expect(contract429(ourLogin)).toEqual({
        code: "RATE_LIMITED",
        message: tooMany("sign-in, registration or password-reset attempts from this address", 10),
      })
      expect(limitHeaders(ourLogin)).toEqual({ limit: 10, remaining: 0 })
      for (const path of ["/auth/customer/emailpass/register", "/auth/user/emailpass", "/auth/customer/emailpass/reset-password"]) {
        const res = await api.post(path, { email, identifier: email, password: "wrong-password" }, from(ip))
        expect(medusa429(res)).toEqual({
          type: "invalid_data",
          code: "RATE_LIMITED",
          message: tooMany("sign-in, registration or password-reset attempts from this address", 10),
        })
      }
      for (const body of [{ email }, { email, password: "long-enough-password", firstName: "A", lastName: "B" }]) {
        const path = "password" in body ? "/api/v1/customers" : "/api/v1/auth/password-reset"
        expect((await api.post(path, body, from(ip))).status).toBe(429)
      }
      // Other routes of the address still pass (100 a window).
      expect((await ours(ip)).status).toBe(200)
    })

    it("allows 10 attempts a window per email whatever the address, email case and route", async () => {
      const email = "Target.Customer@example.com"
      const attempts = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          i % 2
            ? api.post("/api/v1/auth/login", { email, password: "wrong-password" }, from(`198.51.100.${i + 1}`))
            : api.post("/auth/customer/emailpass", { email: email.toLowerCase(), password: "wrong-password" }, from(`198.51.100.${i + 1}`))
        )
      )
      expect(statuses(attempts)).toEqual({ 401: 10 })

      const fresh = "198.51.100.50"
      const ourLogin = await api.post("/api/v1/auth/login", { email: ` ${email.toUpperCase()} `, password: "x" }, from(fresh))
      expect(contract429(ourLogin)).toEqual({
        code: "RATE_LIMITED",
        message: tooMany("sign-in, registration or password-reset attempts for this email", 10),
      })
      // Medusa's reset names the email "identifier".
      const reset = await api.post("/auth/customer/emailpass/reset-password", { identifier: email }, from("198.51.100.51"))
      expect(medusa429(reset).message).toEqual(tooMany("sign-in, registration or password-reset attempts for this email", 10))
      expect((await api.post("/api/v1/auth/password-reset", { email }, from("198.51.100.52"))).status).toBe(429)

      // Another email from a fresh address passes to the route (401: unknown account).
      const other = await api.post("/api/v1/auth/login", { email: "other@example.com", password: "wrong-password" }, from("198.51.100.53"))
      expect(other.status).toBe(401)
      expect(limitHeaders(other)).toEqual({ limit: 10, remaining: 9 })
    })

    it("gives each admin secret key a budget a window", async () => {
      const basic = { authorization: `Basic ${secretKey}` }
      const first = await Promise.all(
        Array.from({ length: 20 }, (_, i) => api.get("/admin/regions?limit=1", from(`192.0.2.${i + 1}`, basic)))
      )
      expect(statuses(first)).toEqual({ 200: 20 })
      expect(first.map((r) => limitHeaders(r).limit)).toEqual(Array(20).fill(20))

      // The same key base64-encoded with a colon (HTTP Basic's user:password form) is the same key.
      const encoded = Buffer.from(`${secretKey}:`).toString("base64")
      const over = await api.get("/admin/regions?limit=1", from("192.0.2.100", { authorization: `Basic ${encoded}` }))
      expect(medusa429(over)).toEqual({
        type: "invalid_data",
        code: "RATE_LIMITED",
        message: tooMany("requests with this API key", 20),
      })
      expect(retryAfter(over)).toBeGreaterThanOrEqual(1)
    })

    it("refuses bogus secret keys from an address before authenticating once 5 have failed, at no scrypt's cost", async () => {
      const apiKeys = getContainer().resolve(Modules.API_KEY)
      const authenticate = jest.spyOn(apiKeys, "authenticate")
      const ip = "192.0.2.200"
      const bogus = () => ({ authorization: `Basic sk_${randomBytes(32).toString("hex")}` })
      try {
        const timed = async () => {
          const started = process.hrtime.bigint()
          const res = await api.get("/admin/regions?limit=1", from(ip, bogus()))
          return { res, ms: Number(process.hrtime.bigint() - started) / 1e6 }
        }
        const failed: { res: Answer; ms: number }[] = []
        for (let i = 0; i < 5; i++) failed.push(await timed())
        expect(failed.map((f) => f.res.status)).toEqual(Array(5).fill(401))
        expect(authenticate).toHaveBeenCalledTimes(5)

        const refused: { res: Answer; ms: number }[] = []
        for (let i = 0; i < 20; i++) refused.push(await timed())
        expect(refused.map((f) => f.res.status)).toEqual(Array(20).fill(429))
        expect(medusa429(refused[0].res)).toEqual({
          type: "invalid_data",
          code: "RATE_LIMITED",
          message: tooMany("failed API key attempts from this address", 5),
        })
        // None of the 20 reached Medusa's key check (each costs a scrypt there).
        expect(authenticate).toHaveBeenCalledTimes(5)
        const mean = (xs: { ms: number }[]) => xs.reduce((sum, x) => sum + x.ms, 0) / xs.length
        const timing = { failedMs: Math.round(mean(failed)), refusedMs: Math.round(mean(refused)) }
        console.info("bogus keys, mean ms per request:", timing)
        expect(timing.refusedMs).toBeLessThan(timing.failedMs)

        // The address's budget also stops its valid keys; other addresses keep theirs.
        expect((await api.get("/admin/regions?limit=1", from(ip, { authorization: `Basic ${secretKey}` }))).status).toBe(429)
        expect((await api.get("/admin/regions?limit=1", from("192.0.2.201", bogus()))).status).toBe(401)
      } finally {
        authenticate.mockRestore()
      }
    })
  },
})

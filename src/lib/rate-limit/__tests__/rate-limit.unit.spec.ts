import { createHash } from "node:crypto"
import { classifyRoute, rateLimitConfigFromEnv, refusalMessage, ShopRateLimits } from ".."
import { addressKey, clientIp, compileTrust } from "../client-ip"
import { emailKey, presentedAdminKey } from "../keys"
import { createRateLimitStore, FailOpenWarning } from "../store"
import { fakeRequest } from "./fake-request"

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex")

describe("classifyRoute", () => {
  it.each([
    ["GET", "/api/v1/products", { perIp: true, auth: false, admin: false }],
    ["GET", "/store/regions", { perIp: true, auth: false, admin: false }],
    ["POST", "/auth/token/refresh", { perIp: true, auth: false, admin: false }],
    ["GET", "/api/v1/health", { perIp: false, auth: false, admin: false }],
    ["GET", "/API/V1/Health/", { perIp: false, auth: false, admin: false }],
    ["GET", "/health", { perIp: false, auth: false, admin: false }],
    ["POST", "/api/webhooks/stripe", { perIp: false, auth: false, admin: false }],
    ["POST", "/hooks/payment/stripe_stripe", { perIp: false, auth: false, admin: false }],
    ["GET", "/admin/products", { perIp: false, auth: false, admin: true }],
    ["OPTIONS", "/api/v1/auth/login", { perIp: false, auth: false, admin: false }],
    ["GET", "/api/v1x", { perIp: false, auth: false, admin: false }],
    ["POST", "/api/v1/auth/login", { perIp: true, auth: true, emailField: "email", admin: false }],
    ["POST", "/API/v1/auth/login/", { perIp: true, auth: true, emailField: "email", admin: false }],
    ["GET", "/api/v1/auth/login", { perIp: true, auth: false, admin: false }],
    ["POST", "/api/v1/customers", { perIp: true, auth: true, emailField: "email", admin: false }],
    ["POST", "/api/v1/auth/password-reset", { perIp: true, auth: true, emailField: "email", admin: false }],
    ["POST", "/api/v1/auth/password-reset/confirm", { perIp: true, auth: true, emailField: undefined, admin: false }],
    ["POST", "/auth/customer/emailpass", { perIp: true, auth: true, emailField: "email", admin: false }],
    ["POST", "/auth/user/emailpass/register", { perIp: true, auth: true, emailField: "email", admin: false }],
    ["POST", "/auth/customer/emailpass/reset-password", { perIp: true, auth: true, emailField: "identifier", admin: false }],
    ["POST", "/auth/user/emailpass/update", { perIp: true, auth: true, emailField: undefined, admin: false }],
    ["POST", "/auth/customer/emailpass/callback", { perIp: true, auth: false, admin: false }],
  ])("%s %s", (method, path, expected) => {
    expect(classifyRoute(method, path)).toEqual(expected)
  })
})

describe("keys", () => {
  it("hashes the secret key Medusa would read from HTTP Basic, raw or base64 with a colon", () => {
    const key = "sk_0123456789abcdef"
    expect(presentedAdminKey(`Basic ${key}`)).toBe(sha256(key))
    expect(presentedAdminKey(`basic ${Buffer.from(`${key}:`).toString("base64")}`)).toBe(sha256(key))
    expect(presentedAdminKey(`Bearer ${key}`)).toBeUndefined()
    expect(presentedAdminKey(`Basic ${Buffer.from("user:password").toString("base64")}`)).toBeUndefined()
    expect(presentedAdminKey(undefined)).toBeUndefined()
  })

  it("keys an email trimmed and lower-cased, never in clear", () => {
    expect(emailKey(" Ana@Example.COM ")).toBe(sha256("ana@example.com"))
    expect(emailKey(42)).toBeUndefined()
    expect(emailKey("   ")).toBeUndefined()
  })
})

describe("rateLimitConfigFromEnv", () => {
  it("has the documented defaults", () => {
    const { trustProxy, ...config } = rateLimitConfigFromEnv({})
    expect(config).toEqual({
      perIp: 100,
      auth: 10,
      adminKey: 600,
      adminKeyFailures: 10,
      windowSeconds: 60,
      keyPrefix: "skinior:rl",
      redisUrl: undefined,
    })
    expect(trustProxy("127.0.0.1", 0)).toBe(false)
  })

  it("takes 0 as off and refuses anything but whole numbers, naming the variable", () => {
    expect(rateLimitConfigFromEnv({ RATE_LIMIT_PER_MINUTE: "0" }).perIp).toBe(0)
    expect(() => rateLimitConfigFromEnv({ RATE_LIMIT_PER_MINUTE: "1OO" })).toThrow(
      'RATE_LIMIT_PER_MINUTE must be a whole number (0 turns the limit off), not "1OO"'
    )
    expect(() => rateLimitConfigFromEnv({ RATE_LIMIT_WINDOW_SECONDS: "0" })).toThrow(
      "RATE_LIMIT_WINDOW_SECONDS must be a whole number of at least 1"
    )
    expect(() => rateLimitConfigFromEnv({ TRUST_PROXY: "not-an-address" })).toThrow(/^TRUST_PROXY: /)
  })
})

describe("clientIp and TRUST_PROXY", () => {
  const ip = (trust: string | undefined, socket: string, forwardedFor?: string) =>
    clientIp(fakeRequest({ path: "/", ip: socket, forwardedFor }), compileTrust(trust))

  it("ignores X-Forwarded-For unless TRUST_PROXY is set", () => {
    expect(ip(undefined, "127.0.0.1", "203.0.113.9")).toBe("127.0.0.1")
    expect(ip("false", "127.0.0.1", "203.0.113.9")).toBe("127.0.0.1")
    expect(ip("0", "::ffff:10.0.0.5", "203.0.113.9")).toBe("10.0.0.5")
  })

  it("believes X-Forwarded-For as Express does: hop counts, names and CIDR lists", () => {
    expect(ip("loopback", "127.0.0.1", "198.51.100.1, 203.0.113.9")).toBe("203.0.113.9")
    expect(ip("loopback", "10.0.0.5", "203.0.113.9")).toBe("10.0.0.5")
    expect(ip("1", "10.0.0.5", "198.51.100.1, 203.0.113.9")).toBe("203.0.113.9")
    expect(ip("2", "10.0.0.5", "198.51.100.1, 203.0.113.9")).toBe("198.51.100.1")
    expect(ip("10.0.0.0/8, 203.0.113.9", "10.0.0.5", "198.51.100.1, 203.0.113.9")).toBe("198.51.100.1")
    expect(ip("true", "10.0.0.5", "198.51.100.1, 203.0.113.9")).toBe("198.51.100.1")
  })
})

describe("addressKey", () => {
  it.each([
    ["203.0.113.9", "203.0.113.9"],
    ["2001:db8:85a3:12:8a2e:370:7334:1", "2001:db8:85a3:12::/64"],
    ["2001:0DB8:85a3:0012::1", "2001:db8:85a3:12::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["fe80::1:2:3:4", "fe80:0:0:0::/64"],
    ["64:ff9b::203.0.113.9", "64:ff9b:0:0::/64"],
    ["::ffff:203.0.113.9", "203.0.113.9"],
    ["unknown", "unknown"],
  ])("%s counts as %s", (addr, key) => {
    expect(addressKey(addr)).toBe(key)
  })

  it("counts two addresses of one IPv6 /64 as one client", async () => {
    const config = rateLimitConfigFromEnv({ RATE_LIMIT_PER_MINUTE: "1", TRUST_PROXY: "loopback" })
    const shop = new ShopRateLimits(config, createRateLimitStore({ ...config, logger: { warn: jest.fn() } }))
    const from = (forwardedFor: string) => shop.beforeAuth(fakeRequest({ path: "/store/products", forwardedFor }))
    expect((await from("2001:db8:1:2::a")).refused).toBeUndefined()
    expect((await from("2001:db8:1:2:ffff::b")).refused).toMatchObject({ name: "ip" })
    expect((await from("2001:db8:1:3::a")).refused).toBeUndefined()
  })
})

describe("ShopRateLimits (memory store)", () => {
  const limits = (env: Record<string, string>) => {
    const config = rateLimitConfigFromEnv({ RATE_LIMIT_KEY_PREFIX: "unit", ...env })
    return new ShopRateLimits(config, createRateLimitStore({ ...config, logger: { warn: jest.fn() } }))
  }

  it("counts one address whatever X-Forwarded-For says when TRUST_PROXY is off", async () => {
    const shop = limits({ RATE_LIMIT_PER_MINUTE: "3" })
    const answers = []
    for (let i = 0; i < 4; i++) {
      answers.push(await shop.beforeAuth(fakeRequest({ path: "/api/v1/products", forwardedFor: `203.0.113.${i}` })))
    }
    expect(answers.map((a) => [a.refused?.name, a.headline?.remaining])).toEqual([
      [undefined, 2],
      [undefined, 1],
      [undefined, 0],
      ["ip", 0],
    ])
  })

  it("switches a limit off at 0 and leaves exempt paths alone", async () => {
    const shop = limits({ RATE_LIMIT_PER_MINUTE: "0", AUTH_RATE_LIMIT_PER_MINUTE: "1" })
    expect(await shop.beforeAuth(fakeRequest({ path: "/store/products" }))).toEqual({})
    const login = fakeRequest({ path: "/api/v1/auth/login", method: "POST" })
    expect((await shop.beforeAuth(login)).headline).toMatchObject({ name: "auth-ip", remaining: 0 })
    expect((await shop.beforeAuth(login)).refused).toMatchObject({ name: "auth-ip" })
  })

  it("describes a refusal with its limit, window and wait", () => {
    expect(refusalMessage({ name: "auth-email", allowed: false, limit: 10, remaining: 0, resetMs: 1500 }, 60)).toBe(
      "Too many sign-in, registration or password-reset attempts for this email (at most 10 per 60 seconds); retry in 2 seconds"
    )
  })
})

describe("FailOpenWarning", () => {
  it("warns at most once a period, with the count of failures in between", () => {
    let now = 0
    const logger = { warn: jest.fn() }
    const warning = new FailOpenWarning(logger, 60_000, () => now)
    for (let i = 0; i < 5; i++) warning.report(new Error("connect ECONNREFUSED"))
    now = 60_000
    warning.report(new Error("connect ECONNREFUSED"))
    expect(logger.warn.mock.calls.map(([message]) => message)).toEqual([
      "Rate limits fail open: the limit store failed (connect ECONNREFUSED); requests are let through",
      "Rate limits fail open: the limit store failed (connect ECONNREFUSED); requests are let through (4 more failures since the last warning)",
    ])
  })
})

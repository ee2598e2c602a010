import { mkdtempSync } from "node:fs"
import { readdir, readFile, writeFile } from "node:fs/promises"
import os from "node:os"
import path from "node:path"
import { format } from "node:util"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { seedShop } from "../helpers/catalogue"
import { eventually } from "../helpers/eventually"
import { FakeStripe, startFakeStripe } from "../helpers/fake-stripe"
import { useFakeStripeEnv } from "../helpers/stripe-env"

const FAKE_PORT = useFakeStripeEnv()

jest.setTimeout(180 * 1000)

// Every line the app's logger writes lands in LOG_FILE as well (src/lib/observability/logger.ts),
// at the most talkative level; set before the runner loads medusa-config.
const WORK_DIR = mkdtempSync(path.join(os.tmpdir(), "skinior-log-hygiene-"))
const LOG_FILE = path.join(WORK_DIR, "app.log")
const EMAIL_DIR = path.join(WORK_DIR, "emails")
// NODE_ENV "staging": Medusa writes its JSON access line per request as in production (under "test" it writes none).
Object.assign(process.env, { LOG_FILE, LOG_LEVEL: "silly", LOCAL_EMAIL_DIR: EMAIL_DIR, NODE_ENV: "staging" })

// Whatever bypasses the logger (console, direct writes) is captured too.
const captured: string[] = []
const capture = <T extends (...args: any[]) => any>(original: T) =>
  ((...args: unknown[]) => {
    captured.push(args.map((a) => (typeof a === "string" ? a : format("%o", a))).join(" "))
    return original(...args)
  }) as unknown as T
for (const method of ["log", "info", "warn", "error", "debug"] as const) {
  console[method] = capture(console[method].bind(console))
}
process.stdout.write = capture(process.stdout.write.bind(process.stdout))
process.stderr.write = capture(process.stderr.write.bind(process.stderr))

const anyStatus = { validateStatus: () => true }
const EMAIL = "noor.salem@example.com"
const PASSWORD = "first-secret-passphrase-71"
const WRONG_PASSWORD = "wrong-secret-passphrase-72"
const NEW_PASSWORD = "second-secret-passphrase-73"
const CARD_NUMBER = "4000056655665556"
const CVC = "913"
const address = {
  firstName: "Noor",
  lastName: "Salem",
  email: EMAIL,
  phone: "+962795550123",
  country: "JO",
  city: "Irbid",
  governorate: "Irbid",
  postalCode: "21110",
  street: "University Street 48",
  building: "Al-Yarmouk Tower",
  apartment: "Flat 9C",
  instructions: "Leave with the concierge Khaled",
}

async function emailed(template: string, id: string) {
  return eventually(async () => {
    const files = (await readdir(EMAIL_DIR)).filter((f) => f.includes(template) && f.endsWith(".html"))
    expect(files).toHaveLength(1)
    const match = (await readFile(path.join(EMAIL_DIR, files[0]), "utf8")).match(new RegExp(`<code id="${id}"[^>]*>([^<]+)</code>`))
    expect(match).not.toBeNull()
    return match![1]
  })
}

/**
 * Logs never carry passwords, tokens, card data or full addresses (DESIGN.md
 * "Privacy"): one customer's whole journey at log level silly, then a grep
 * of every line the process wrote.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: { LOG_FILE, LOG_LEVEL: "silly", LOCAL_EMAIL_DIR: EMAIL_DIR, NODE_ENV: "staging" },
  testSuite: ({ api, getContainer }) => {
    let stripe: FakeStripe

    afterAll(async () => {
      await stripe?.close()
    })

    it("register, login, refresh, password reset, an order with a full address and card payments leave no secret and no street in the logs", async () => {
      stripe = await startFakeStripe({ port: FAKE_PORT })
      const shop = await seedShop(getContainer())
      const serum = shop.variant("SKN-SER-VC-30")
      const secrets: Record<string, string> = {}

      const registered = await api.post(
        "/api/v1/customers",
        { email: EMAIL, password: PASSWORD, firstName: "Noor", lastName: "Salem", phone: "+962795550123", dateOfBirth: "1994-07-02" },
        anyStatus
      )
      expect(registered.status).toBe(201)
      secrets.verificationCode = await emailed("verify", "verification-code")
      expect((await api.post("/api/v1/auth/verify-email", { code: secrets.verificationCode }, anyStatus)).status).toBe(200)

      expect((await api.post("/api/v1/auth/login", { email: EMAIL, password: WRONG_PASSWORD }, anyStatus)).status).toBe(401)
      const login = await api.post("/api/v1/auth/login", { email: EMAIL, password: PASSWORD }, anyStatus)
      expect(login.status).toBe(200)
      secrets.accessToken = login.data.data.accessToken
      secrets.refreshToken = login.data.data.refreshToken
      const refreshed = await api.post("/api/v1/auth/refresh", { refreshToken: secrets.refreshToken }, anyStatus)
      expect(refreshed.status).toBe(200)
      secrets.nextAccessToken = refreshed.data.data.accessToken
      secrets.nextRefreshToken = refreshed.data.data.refreshToken
      // A reused refresh token is refused (and logged as such), without the token.
      expect((await api.post("/api/v1/auth/refresh", { refreshToken: secrets.refreshToken }, anyStatus)).status).toBe(401)

      expect((await api.post("/api/v1/auth/password-reset", { email: EMAIL }, anyStatus)).status).toBe(202)
      secrets.resetToken = await emailed("customer-password-reset", "reset-token")
      const reset = await api.post("/api/v1/auth/password-reset/confirm", { token: secrets.resetToken, password: NEW_PASSWORD }, anyStatus)
      expect(reset.status).toBe(200)
      const again = await api.post("/api/v1/auth/login", { email: EMAIL, password: NEW_PASSWORD }, anyStatus)
      expect(again.status).toBe(200)
      secrets.lastAccessToken = again.data.data.accessToken
      const headers = { authorization: `Bearer ${secrets.lastAccessToken}` }

      const cart = (await api.post("/api/v1/cart", { currency: "JOD" }, { headers })).data.data
      await api.post(`/api/v1/cart/${cart.id}/items`, { productId: serum.productId, variantId: serum.id, quantity: 1 }, { headers })
      const placed = await api.post(
        "/api/v1/orders",
        { cartId: cart.id, shippingAddress: address, billingAddress: "same", shippingMethod: "standard", paymentMethod: "stripe", notes: "Gift wrap" },
        { headers, ...anyStatus }
      )
      expect(placed.status).toBe(201)
      const orderId = placed.data.data.id
      // A storefront that wrongly sends raw card data is refused, and the number does not reach a log.
      const raw = await api.post(
        `/api/v1/orders/${orderId}/payment`,
        { paymentMethod: "stripe", paymentMethodId: "pm_card_visa", cardNumber: CARD_NUMBER, cvc: CVC },
        { headers, ...anyStatus }
      )
      expect(raw.status).toBe(400)
      const declined = await api.post(
        `/api/v1/orders/${orderId}/payment`,
        { paymentMethod: "stripe", paymentMethodId: "pm_card_chargeDeclined" },
        { headers, ...anyStatus }
      )
      expect(declined.status).toBe(402)
      const paid = await api.post(`/api/v1/orders/${orderId}/payment`, { paymentMethod: "stripe", paymentMethodId: "pm_card_visa" }, { headers, ...anyStatus })
      expect(paid.status).toBe(200)
      const intent = [...stripe.intents.values()].find((i) => i.metadata.order_id === orderId)
      expect(intent).toBeDefined()
      secrets.clientSecret = (intent as { client_secret?: string }).client_secret ?? "no-client-secret"

      // Let the subscribers (confirmation email, metrics) write what they write.
      await eventually(async () => expect((await readdir(EMAIL_DIR)).some((f) => f.includes("order"))).toBe(true))
      await new Promise((r) => setTimeout(r, 300))

      const fileLines = (await readFile(LOG_FILE, "utf8")).split("\n").filter(Boolean)
      const everything = [...fileLines, ...captured].join("\n")
      // Kept beside the log for whoever reads a failure.
      await writeFile(path.join(WORK_DIR, "captured.log"), captured.join("\n"))
      // The capture works: the logger's lines, and Medusa's access lines (morgan, on stdout) with request ids.
      expect(fileLines.length).toBeGreaterThan(50)
      const access = everything.split("\n").filter((l) => l.includes('"path":"/api/v1/'))
      expect(access.some((l) => l.includes('"path":"/api/v1/auth/password-reset/confirm"') && /"request_id":"req_/.test(l))).toBe(true)
      expect(access.some((l) => l.includes(`"path":"/api/v1/orders/${orderId}/payment"`))).toBe(true)

      const forbidden: [string, string][] = [
        ["password", PASSWORD],
        ["wrong password", WRONG_PASSWORD],
        ["new password", NEW_PASSWORD],
        ...Object.entries(secrets),
        ["card number", CARD_NUMBER],
        ["card number, spaced", CARD_NUMBER.replace(/(\d{4})(?=\d)/g, "$1 ")],
        ["street line", address.street],
        ["building", address.building],
        ["apartment", address.apartment],
        ["delivery instructions", address.instructions],
      ]
      const leaks = forbidden.filter(([, value]) => everything.includes(value)).map(([what]) => what)
      expect(leaks).toEqual([])
      // No JWT of any kind, and no `cvc` value next to its name.
      expect(everything).not.toMatch(/eyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{10,}/)
      expect(everything).not.toMatch(new RegExp(`cvc\\W{1,5}${CVC}`))
    })
  },
})

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { databaseBreaker } from "../../src/lib/database-breaker"
import { ApiError } from "../../src/lib/errors"
import { UNAVAILABLE_MESSAGE_TEXT } from "../../src/lib/unavailable"

jest.setTimeout(60 * 1000)

const REQUEST_ID = /^req_[0-9a-f]{32}$/
const anyStatus = { validateStatus: () => true }

function expectContractError(
  res: { status: number; data: any; headers: Record<string, any> },
  status: number,
  code: string
) {
  expect(res.status).toBe(status)
  expect(res.headers["content-type"]).toMatch(/^application\/json/)
  expect(Object.keys(res.data)).toEqual(["error"])
  expect(res.data.error.code).toBe(code)
  expect(typeof res.data.error.message).toBe("string")
  expect(res.data.error.message.length).toBeGreaterThan(0)
  expect(res.data.error.requestId).toBe(res.headers["x-request-id"])
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api }) => {
    describe("unknown routes under /api/v1", () => {
      it("answers the contract 404 with a request id", async () => {
        const res = await api.get("/api/v1/nope", anyStatus)
        expectContractError(res, 404, "RESOURCE_NOT_FOUND")
        expect(res.data.error.requestId).toMatch(REQUEST_ID)
        expect(res.data.error).not.toHaveProperty("details")
      })

      it("answers 404 for a known path with a method it does not serve", async () => {
        const res = await api.delete("/api/v1/health", anyStatus)
        expectContractError(res, 404, "RESOURCE_NOT_FOUND")
      })

      it("answers 404 for unknown webhook routes too", async () => {
        const res = await api.post("/api/webhooks/nope", {}, anyStatus)
        expectContractError(res, 404, "RESOURCE_NOT_FOUND")
      })

      it("leaves Medusa's own /store and /admin answers alone", async () => {
        const res = await api.get("/admin/products", anyStatus)
        expect(res.status).toBe(401)
        expect(res.data).not.toHaveProperty("error.requestId")
        expect(res.headers["content-security-policy"]).toBeUndefined()
      })
    })

    describe("request bodies under /api/v1", () => {
      const json = { headers: { "content-type": "application/json" }, ...anyStatus }

      it("answers 400 VALIDATION_ERROR for malformed JSON", async () => {
        const res = await api.post("/api/v1/health", '{"currency": "USD",', json)
        expectContractError(res, 400, "VALIDATION_ERROR")
        expect(res.data.error.message).toBe("Malformed JSON in request body")
      })

      it("answers 413 for a body over 1 MB", async () => {
        const body = JSON.stringify({ note: "x".repeat(1024 * 1024) })
        const res = await api.post("/api/v1/health", body, json)
        expectContractError(res, 413, "VALIDATION_ERROR")
        expect(res.data.error.message).toMatch(/1 MB/)
      })

      it("parses a body just under 1 MB (and then answers the route's own 404)", async () => {
        const body = JSON.stringify({ note: "x".repeat(1000 * 1000) })
        const res = await api.post("/api/v1/nope", body, json)
        expectContractError(res, 404, "RESOURCE_NOT_FOUND")
      })
    })

    describe("request ids", () => {
      it("echoes a sane X-Request-Id", async () => {
        const res = await api.get("/api/v1/nope", {
          headers: { "X-Request-Id": "storefront-7f3a.42" },
          ...anyStatus,
        })
        expect(res.headers["x-request-id"]).toBe("storefront-7f3a.42")
        expect(res.data.error.requestId).toBe("storefront-7f3a.42")
      })

      it("replaces an insane X-Request-Id with a generated one", async () => {
        const res = await api.get("/api/v1/nope", {
          headers: { "X-Request-Id": "<script>alert(1)</script>" },
          ...anyStatus,
        })
        expect(res.headers["x-request-id"]).toMatch(REQUEST_ID)
        expect(res.data.error.requestId).toBe(res.headers["x-request-id"])
      })

      it("generates a different id for each request", async () => {
        const [a, b] = await Promise.all([api.get("/api/v1/health"), api.get("/api/v1/health")])
        expect(a.headers["x-request-id"]).toMatch(REQUEST_ID)
        expect(b.headers["x-request-id"]).toMatch(REQUEST_ID)
        expect(a.headers["x-request-id"]).not.toBe(b.headers["x-request-id"])
      })
    })

    describe("security headers", () => {
      it.each([
        ["a success", "/api/v1/health"],
        ["an error", "/api/v1/nope"],
      ])("are on %s under /api/v1", async (_, path) => {
        const res = await api.get(path, anyStatus)
        expect(res.headers).toMatchObject({
          "strict-transport-security": "max-age=31536000; includeSubDomains",
          "x-content-type-options": "nosniff",
          "x-frame-options": "DENY",
          "x-xss-protection": "1; mode=block",
          "content-security-policy": "default-src 'self'",
        })
      })

      it("are on a malformed-JSON error, which fails before any route middleware", async () => {
        const res = await api.post("/api/v1/health", "{", {
          headers: { "content-type": "application/json" },
          ...anyStatus,
        })
        expect(res.status).toBe(400)
        expect(res.headers["x-frame-options"]).toBe("DENY")
        expect(res.headers["x-request-id"]).toMatch(REQUEST_ID)
      })
    })

    describe("CORS for /api/v1", () => {
      it("allows the STORE_CORS origin, preflight included", async () => {
        const res = await api.options("/api/v1/health", {
          headers: {
            Origin: "http://localhost:8000",
            "Access-Control-Request-Method": "GET",
          },
          ...anyStatus,
        })
        expect(res.status).toBe(204)
        expect(res.headers["access-control-allow-origin"]).toBe("http://localhost:8000")
        expect(res.headers["access-control-allow-credentials"]).toBe("true")
      })

      it("exposes the request id header to the storefront", async () => {
        const res = await api.get("/api/v1/health", { headers: { Origin: "http://localhost:8000" } })
        expect(res.headers["access-control-allow-origin"]).toBe("http://localhost:8000")
        expect(res.headers["access-control-expose-headers"]).toMatch(/X-Request-Id/)
      })

      it("does not allow another origin", async () => {
        const res = await api.get("/api/v1/health", { headers: { Origin: "https://evil.example" } })
        expect(res.headers["access-control-allow-origin"]).toBeUndefined()
      })
    })

    describe("GET /api/v1/health", () => {
      it("answers ok with the database up and Redis not configured", async () => {
        const res = await api.get("/api/v1/health")
        expect(res.status).toBe(200)
        expect(res.data).toEqual({
          data: { status: "ok", database: "up", redis: "not configured" },
        })
      })
    })

    describe("while PostgreSQL cannot be reached (the database breaker is open)", () => {
      // The breaker opens after a second of failed connects and its probe fails; with the
      // test's database up, its state is stubbed and the refusal is the breaker's own.
      afterEach(() => jest.restoreAllMocks())

      it("answers 503 SERVICE_UNAVAILABLE at once, in the contract shape under /api/v1 and Medusa's on /auth, and serves again once it closes", async () => {
        jest.spyOn(databaseBreaker, "open", "get").mockReturnValue(true)
        jest
          .spyOn(databaseBreaker, "admit")
          .mockRejectedValue(new ApiError(503, "SERVICE_UNAVAILABLE", UNAVAILABLE_MESSAGE_TEXT))
        const started = Date.now()
        const [ours, medusas, health] = await Promise.all([
          api.post("/api/v1/cart", { currency: "USD" }, anyStatus),
          // Medusa's own sign-in route (no publishable key needed, so ours is the first check it meets).
          api.post("/auth/customer/emailpass", { email: "shopper@example.com", password: "irrelevant-here" }, anyStatus),
          api.get("/api/v1/health", anyStatus),
        ])
        expect(Date.now() - started).toBeLessThan(2000)
        expectContractError(ours, 503, "SERVICE_UNAVAILABLE")
        expect(ours.headers["retry-after"]).toBe("5")
        expect(medusas.status).toBe(503)
        expect(medusas.headers["retry-after"]).toBe("5")
        expect(medusas.data).toEqual({
          type: "unexpected_state",
          code: "SERVICE_UNAVAILABLE",
          message: "The shop cannot reach its database or cache right now. Try again in a few seconds.",
        })
        // The health route is not refused: it reports what it finds (here the database answers).
        expect(health.status).toBe(200)
        jest.restoreAllMocks()
        expect((await api.get("/api/v1/products", anyStatus)).status).toBe(200)
      })

      it("a failed connect that a success follows does not open it (as when the test runner recreates the database)", async () => {
        await api.get("/api/v1/health")
        databaseBreaker.fail()
        databaseBreaker.succeed()
        await new Promise((r) => setTimeout(r, 1100))
        expect(databaseBreaker.open).toBe(false)
        expect((await api.get("/api/v1/products", anyStatus)).status).toBe(200)
      })
    })
  },
})

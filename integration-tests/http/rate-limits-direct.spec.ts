import { randomUUID } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"

jest.setTimeout(120 * 1000)

// The shipped defaults (integration-tests/setup.js sets every limit to 0:
// unset here, they take their defaults) and no TRUST_PROXY: the client is
// the socket's peer, whatever X-Forwarded-For claims.
for (const name of ["RATE_LIMIT_PER_MINUTE", "AUTH_RATE_LIMIT_PER_MINUTE", "ADMIN_KEY_RATE_LIMIT_PER_MINUTE", "ADMIN_KEY_FAILURES_PER_MINUTE", "RATE_LIMIT_WINDOW_SECONDS", "TRUST_PROXY"]) {
  delete process.env[name]
}
process.env.RATE_LIMIT_KEY_PREFIX = `skinior:rl:spec:${randomUUID()}`
const METRICS_TOKEN = "rate-limit-spec-metrics-token"
process.env.METRICS_TOKEN = METRICS_TOKEN

const anyStatus = { validateStatus: () => true }

/**
 * Rate limits with their defaults and TRUST_PROXY off: X-Forwarded-For is
 * ignored (a client cannot buy a fresh counter by inventing addresses), and
 * refusals are counted in /metrics.
 */
medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api }) => {
    it("counts every request of the socket's address whatever X-Forwarded-For says, 100 a minute", async () => {
      const answers = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          api.get("/api/v1/products?limit=1", { headers: { "x-forwarded-for": `203.0.113.${i + 1}` }, ...anyStatus })
        )
      )
      expect(answers.map((r) => r.status)).toEqual(Array(100).fill(200))
      expect(answers.map((r) => Number(r.headers["ratelimit-limit"]))).toEqual(Array(100).fill(100))

      const over = await api.get("/api/v1/products?limit=1", { headers: { "x-forwarded-for": "198.51.100.99" }, ...anyStatus })
      expect(over.status).toBe(429)
      expect(over.data.error.code).toBe("RATE_LIMITED")
      expect(over.data.error.message).toMatch(/^Too many requests from this address \(at most 100 per 60 seconds\); retry in \d+ seconds$/)
      expect(Number(over.headers["retry-after"])).toBeGreaterThanOrEqual(1)
      expect(Number(over.headers["retry-after"])).toBeLessThanOrEqual(60)
      // Browsers can read the answer and its headers.
      const cors = await api.get("/api/v1/products?limit=1", { headers: { origin: "http://localhost:8000" }, ...anyStatus })
      expect(cors.status).toBe(429)
      expect(cors.headers["access-control-allow-origin"]).toBe("http://localhost:8000")
      expect(cors.headers["access-control-expose-headers"]).toMatch(/Retry-After.*RateLimit-Limit,RateLimit-Remaining,RateLimit-Reset/)

      const metrics = await api.get("/metrics", { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
      expect(metrics.data).toMatch(/^skinior_rate_limited_total\{limit="ip"\} 2$/m)
    })
  },
})

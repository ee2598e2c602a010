import net from "node:net"
import { randomUUID } from "node:crypto"
import { rateLimitConfigFromEnv, ShopRateLimits } from ".."
import { createRateLimitStore } from "../store"
import { fakeRequest } from "./fake-request"

// The real Redis CI runs on 127.0.0.1:6379 (.ci/run starts it).
const REDIS_URL = process.env.RATE_LIMIT_TEST_REDIS_URL || "redis://127.0.0.1:6379"
const WINDOW_SECONDS = 2

/** One "server": its own Redis connection, the shared counters. */
function server(prefix: string, redisUrl = REDIS_URL, redisTimeoutMs?: number) {
  const config = rateLimitConfigFromEnv({
    RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
    RATE_LIMIT_KEY_PREFIX: prefix,
    REDIS_URL: redisUrl,
    TRUST_PROXY: "loopback",
  })
  const logger = { warn: jest.fn() }
  const store = createRateLimitStore({ ...config, logger, redisTimeoutMs })
  return { limits: new ShopRateLimits(config, store), store, logger }
}

const products = (ip: string) => fakeRequest({ path: "/api/v1/products", forwardedFor: ip })

/**
 * The Redis store of the rate limits against a real Redis: the limit at its
 * edge with the counter shared by two servers, the reset after the window,
 * and failing open (with one warning) when Redis is unreachable or hangs.
 */
describe("rate limits in Redis", () => {
  const servers: ReturnType<typeof server>[] = []
  const start = (...args: Parameters<typeof server>) => {
    const s = server(...args)
    servers.push(s)
    return s
  }
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.store.close()))
  })

  it("lets 100 requests of an address through across two servers, refuses the 101st on either, and resets after the window", async () => {
    const prefix = `skinior:rl:unit:${randomUUID()}`
    const [a, b] = [start(prefix), start(prefix)]
    expect(a.store.kind).toBe("redis")
    expect(await a.store.ready()).toBe(true)
    expect(await b.store.ready()).toBe(true)

    const ip = "203.0.113.7"
    const first = await Promise.all(
      Array.from({ length: 100 }, (_, i) => (i % 2 ? a : b).limits.beforeAuth(products(ip)))
    )
    expect(first.filter((v) => v.refused)).toEqual([])
    expect(first.map((v) => v.headline!.remaining).sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i))

    const over = await Promise.all([a, b].map((s) => s.limits.beforeAuth(products(ip))))
    for (const verdict of over) {
      expect(verdict.refused).toMatchObject({ name: "ip", allowed: false, limit: 100, remaining: 0 })
      expect(verdict.refused!.resetMs).toBeGreaterThan(0)
      expect(verdict.refused!.resetMs).toBeLessThanOrEqual(WINDOW_SECONDS * 1000)
    }
    // Another address has its own counter.
    expect((await a.limits.beforeAuth(products("203.0.113.8"))).headline).toMatchObject({ remaining: 99 })

    await new Promise((resolve) => setTimeout(resolve, over[0].refused!.resetMs + 100))
    expect((await b.limits.beforeAuth(products(ip))).headline).toMatchObject({ allowed: true, remaining: 99 })
    expect(a.logger.warn).not.toHaveBeenCalled()
  })

  it("keeps the per-email and admin-key counters in Redis too", async () => {
    const prefix = `skinior:rl:unit:${randomUUID()}`
    const [a, b] = [start(prefix), start(prefix)]
    await Promise.all([a.store.ready(), b.store.ready()])
    const login = (s: typeof a, i: number) =>
      s.limits.byEmail(
        fakeRequest({ path: "/auth/customer/emailpass", method: "POST", body: { email: "Ana@example.com" }, forwardedFor: `198.51.100.${i}` })
      )
    const tries = await Promise.all(Array.from({ length: 11 }, (_, i) => login(i % 2 ? a : b, i)))
    expect(tries.filter((v) => v.refused).map((v) => v.refused!.name)).toEqual(["auth-email"])

    const admin = (s: typeof a) =>
      s.limits.beforeAuth(fakeRequest({ path: "/admin/products", authorization: "Basic sk_shared_key" }))
    for (let i = 0; i < 600; i += 100) {
      await Promise.all(Array.from({ length: 100 }, (_, j) => admin(j % 2 ? a : b)))
    }
    expect((await admin(a)).refused).toMatchObject({ name: "admin-key", limit: 600 })
  })

  it("fails open when Redis is unreachable, with one warning for many failures", async () => {
    const down = start(`skinior:rl:unit:${randomUUID()}`, "redis://127.0.0.1:1")
    const verdicts = await Promise.all(Array.from({ length: 150 }, () => down.limits.beforeAuth(products("203.0.113.9"))))
    expect(verdicts.filter((v) => v.refused)).toEqual([])
    expect(down.logger.warn).toHaveBeenCalledTimes(1)
    expect(down.logger.warn.mock.calls[0][0]).toMatch(/^Rate limits fail open: the limit store failed \(.+\); requests are let through$/)
  })

  it("fails open, within the timeout, when Redis accepts the connection but never answers", async () => {
    const sockets = new Set<net.Socket>()
    const silent = net.createServer((socket) => {
      sockets.add(socket)
      socket.on("close", () => sockets.delete(socket))
    })
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", () => resolve()))
    const { port } = silent.address() as net.AddressInfo
    try {
      const hung = start(`skinior:rl:unit:${randomUUID()}`, `redis://127.0.0.1:${port}`, 150)
      const started = Date.now()
      const verdict = await hung.limits.beforeAuth(products("203.0.113.10"))
      expect(verdict.refused).toBeUndefined()
      expect(Date.now() - started).toBeLessThan(1_000)
      expect(hung.logger.warn).toHaveBeenCalledTimes(1)
    } finally {
      sockets.forEach((s) => s.destroy())
      await new Promise((resolve) => silent.close(resolve))
    }
  })
})

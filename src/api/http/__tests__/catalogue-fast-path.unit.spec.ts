import type { AddressInfo } from "node:net"
import type { Server } from "node:http"
import express from "express"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { PUBLIC_CACHE_CONTROL, sendJsonAnswer, serveCachedCatalogue } from "../http-cache"
import { salesChannelOf } from "../../utils/sales-channel"

/** An express app with the fast path mounted as Medusa mounts it: before the routes, which count their runs. */
function shop() {
  const store = new Map<string, unknown>()
  const caching = {
    get: jest.fn(async ({ key }: { key: string }) => store.get(key) ?? null),
    set: jest.fn(async ({ key, data }: { key: string; data: unknown }) => void store.set(key, data)),
  }
  const channels: Record<string, string> = { pk_a: "sc_a", pk_b: "sc_b", pk_c: "sc_c", pk_d: "sc_d" }
  const scope = {
    resolve: (name: string) => {
      if (name === Modules.CACHING) return caching
      if (name === ContainerRegistrationKeys.LOGGER) return { warn: jest.fn() }
      if (name === ContainerRegistrationKeys.QUERY) {
        return {
          graph: async ({ filters }: { filters: { token: string } }) => ({
            data: channels[filters.token] ? [{ id: "apk", sales_channels: [{ id: channels[filters.token] }] }] : [],
          }),
        }
      }
      if (name === Modules.STORE) return { listStores: async () => [{ default_sales_channel_id: "sc_default" }] }
      throw new Error(`unexpected ${name}`)
    },
  }
  const runs = { count: 0 }
  const app = express()
  app.use((req, _res, next) => ((req as any).scope = scope, next()))
  app.use("/api/v1/products", (req, res, next) => void serveCachedCatalogue(req as any, res as any, next))
  const route = async (req: express.Request, res: express.Response) => {
    runs.count++
    const channel = await salesChannelOf(req as any)
    const json = JSON.stringify({ url: req.originalUrl, channel, run: runs.count })
    res.setHeader("Cache-Control", PUBLIC_CACHE_CONTROL)
    sendJsonAnswer(res as any, { json, etag: `"e${runs.count}"` })
  }
  app.get("/api/v1/products", route)
  app.get("/api/v1/products/search", route)
  app.get("/api/v1/products/:id", route)
  app.get("/api/v1/products/:id/reviews", route)
  return { app, caching, runs, store }
}

describe("serveCachedCatalogue", () => {
  let server: Server
  let base: string
  let s: ReturnType<typeof shop>

  beforeEach(async () => {
    s = shop()
    server = s.app.listen(0)
    await new Promise((r) => server.once("listening", r))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterEach(() => new Promise((r) => server.close(r)))

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers })

  it("answers a URL from the cache once the channel is remembered and the route has answered it", async () => {
    const url = "/api/v1/products?limit=20"
    const bodies = []
    for (let i = 0; i < 4; i++) bodies.push(await (await get(url, { "x-publishable-api-key": "pk_a" })).text())
    // 1st: channel looked up, nothing kept by URL; 2nd: kept; 3rd and 4th: from the cache, no route run.
    expect(s.runs.count).toBe(2)
    expect(bodies[3]).toBe(bodies[1])
    const hit = await get(url, { "x-publishable-api-key": "pk_a" })
    expect(hit.headers.get("etag")).toBe('"e2"')
    expect(hit.headers.get("cache-control")).toBe(PUBLIC_CACHE_CONTROL)
    expect(hit.headers.get("vary")).toMatch(/x-publishable-api-key/i)
    expect(hit.headers.get("content-type")).toBe("application/json; charset=utf-8")
    expect(Number(hit.headers.get("content-length"))).toBe(Buffer.byteLength(bodies[1]))
    const notModified = await get(url, { "x-publishable-api-key": "pk_a", "if-none-match": 'W/"e2"' })
    expect(notModified.status).toBe(304)
    expect(await notModified.text()).toBe("")
    expect(s.runs.count).toBe(2)
  })

  // The channel memo outlives a test: each test uses keys of its own.
  it("keeps answers apart by channel and by the exact URL, and leaves other routes alone", async () => {
    for (let i = 0; i < 3; i++) await get("/api/v1/products/p1", { "x-publishable-api-key": "pk_b" })
    expect(s.runs.count).toBe(2)
    // Another key (another channel) and another spelling of the URL are answered by the route.
    await get("/api/v1/products/p1", { "x-publishable-api-key": "pk_c" })
    await get("/api/v1/products/p1?currency=USD", { "x-publishable-api-key": "pk_b" })
    expect(s.runs.count).toBe(4)
    // Reviews are not answered by URL.
    for (let i = 0; i < 3; i++) await get("/api/v1/products/p1/reviews", { "x-publishable-api-key": "pk_d" })
    expect(s.runs.count).toBe(7)
  })

  it("asks the route again when the channel is no longer remembered", async () => {
    jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "queueMicrotask"], now: Date.now() })
    try {
      for (let i = 0; i < 3; i++) await get("/api/v1/products/search?q=serum")
      expect(s.runs.count).toBe(2)
      jest.setSystemTime(Date.now() + 31_000)
      await get("/api/v1/products/search?q=serum")
      expect(s.runs.count).toBe(3)
    } finally {
      jest.useRealTimers()
    }
  })
})

import { createHash } from "node:crypto"
import { CacheGuard, cachedJsonAnswer } from "../catalogue-cache"

/** Most cases only look at the text. */
const cachedJsonText = async (...args: Parameters<typeof cachedJsonAnswer>) => (await cachedJsonAnswer(...args)).json
const sha1Tag = (text: string) => `"${createHash("sha1").update(text, "utf8").digest("base64url")}"`

const entry = { key: "api-v1:k", tags: ["api-v1-catalogue"], ttl: 60 }

function fakeCaching(overrides: Partial<{ get: jest.Mock; set: jest.Mock }> = {}) {
  const store = new Map<string, unknown>()
  return {
    store,
    get: overrides.get ?? jest.fn(async ({ key }: { key: string }) => store.get(key) ?? null),
    set: overrides.set ?? jest.fn(async ({ key, data }: { key: string; data: unknown }) => void store.set(key, data)),
  }
}

describe("cachedJsonText", () => {
  it("computes once, then answers the cached text", async () => {
    const caching = fakeCaching()
    const logger = { warn: jest.fn() }
    const compute = jest.fn(async () => ({ data: [1, 2] }))
    const guard = new CacheGuard()
    expect(await cachedJsonText(caching as any, logger, entry, compute, guard)).toBe('{"data":[1,2]}')
    expect(await cachedJsonText(caching as any, logger, entry, compute, guard)).toBe('{"data":[1,2]}')
    expect(compute).toHaveBeenCalledTimes(1)
    expect(caching.set).toHaveBeenCalledWith({ key: "api-v1:k", data: { json: '{"data":[1,2]}', etag: sha1Tag('{"data":[1,2]}') }, ttl: 60, tags: ["api-v1-catalogue"] })
    expect(logger.warn).not.toHaveBeenCalled()
  })

  it("answers when the cache is full (ECACHEFULL on write), logging a warning", async () => {
    const caching = fakeCaching({ set: jest.fn(async () => Promise.reject(new Error("ECACHEFULL: Cache max keys amount exceeded"))) })
    const logger = { warn: jest.fn() }
    const json = await cachedJsonText(caching as any, logger, entry, async () => ({ data: "fresh" }), new CacheGuard())
    expect(json).toBe('{"data":"fresh"}')
    expect(logger.warn).toHaveBeenCalledTimes(1)
    expect(logger.warn.mock.calls[0][0]).toBe(
      "Cache write failed (ECACHEFULL: Cache max keys amount exceeded); answering without the cache for 10 s"
    )
  })

  it("answers when the cache is down (reads throw), and leaves it alone for the pause", async () => {
    let now = 1_000
    const get = jest.fn(async () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:6379")))
    const caching = fakeCaching({ get })
    const logger = { warn: jest.fn() }
    const guard = new CacheGuard({ pauseMs: 5_000, now: () => now })
    let computed = 0
    const compute = jest.fn(async () => ({ n: ++computed }))

    expect(await cachedJsonText(caching as any, logger, entry, compute, guard)).toBe('{"n":1}')
    expect(await cachedJsonText(caching as any, logger, entry, compute, guard)).toBe('{"n":2}')
    // The second request neither read nor wrote the cache: it was paused.
    expect(get).toHaveBeenCalledTimes(1)
    expect(caching.set).not.toHaveBeenCalled()
    expect(logger.warn).toHaveBeenCalledTimes(1)
    expect(logger.warn.mock.calls[0][0]).toMatch(/^Cache read failed \(connect ECONNREFUSED 127\.0\.0\.1:6379\)/)

    // After the pause the cache is tried again.
    now += 5_000
    get.mockImplementation((async () => null) as never)
    expect(await cachedJsonText(caching as any, logger, entry, compute, guard)).toBe('{"n":3}')
    expect(get).toHaveBeenCalledTimes(2)
    expect(caching.set).toHaveBeenCalledTimes(1)
  })

  it("treats a cache that never answers as a miss", async () => {
    const caching = fakeCaching({ get: jest.fn(() => new Promise(() => undefined)) })
    const logger = { warn: jest.fn() }
    const json = await cachedJsonText(caching as any, logger, entry, async () => ({ ok: true }), new CacheGuard({ timeoutMs: 5 }))
    expect(json).toBe('{"ok":true}')
    expect(logger.warn.mock.calls[0][0]).toBe("Cache read failed (no answer within 5 ms); answering without the cache for 10 s")
  })

  it("lets errors of the computation through (a 404 stays a 404)", async () => {
    const caching = fakeCaching()
    const logger = { warn: jest.fn() }
    const notFound = Object.assign(new Error("Product x not found"), { type: "not_found" })
    await expect(
      cachedJsonText(caching as any, logger, entry, async () => Promise.reject(notFound), new CacheGuard())
    ).rejects.toBe(notFound)
    expect(caching.set).not.toHaveBeenCalled()
    expect(logger.warn).not.toHaveBeenCalled()
  })

  it("stores the ETag of the text with it and answers it on a hit without hashing again", async () => {
    const caching = fakeCaching()
    const logger = { warn: jest.fn() }
    const compute = jest.fn(async () => ({ name: "Sérum ٣" }))
    const first = await cachedJsonAnswer(caching as any, logger, entry, compute, new CacheGuard())
    expect(first).toEqual({ json: '{"name":"Sérum ٣"}', etag: sha1Tag('{"name":"Sérum ٣"}') })
    expect(first.etag).toBe('"' + createHash("sha1").update(Buffer.from('{"name":"Sérum ٣"}', "utf8")).digest("base64url") + '"')
    // A hit answers the stored tag as it is (here one that is not the text's hash, to prove no rehash).
    caching.store.set(entry.key, { json: first.json, etag: '"stored"' })
    expect(await cachedJsonAnswer(caching as any, logger, entry, compute, new CacheGuard())).toEqual({ json: first.json, etag: '"stored"' })
    expect(compute).toHaveBeenCalledTimes(1)
  })

  it("computes the ETag of an entry cached before tags were stored", async () => {
    const caching = fakeCaching()
    caching.store.set(entry.key, { json: '{"old":true}' })
    const answer = await cachedJsonAnswer(caching as any, { warn: jest.fn() }, entry, async () => ({}), new CacheGuard())
    expect(answer).toEqual({ json: '{"old":true}', etag: sha1Tag('{"old":true}') })
  })
})

import BoundedMemoryCachingProvider, { sizeOf } from "../services/bounded-memory-cache"

const logger = { debug: jest.fn(), warn: jest.fn() } as any
// Each entry: a 1,000-character string (2,016 bytes) + overhead 160 + key.
const answer = (i: number) => ({ json: String(i % 10).repeat(1000) })
const entryBytes = (key: string) => 160 + key.length * 2 + sizeOf(answer(0))

describe("bounded memory caching provider", () => {
  it("sizes values: strings at two bytes a character, objects by their fields", () => {
    expect(sizeOf("abcd")).toBe(16 + 8)
    expect(sizeOf({ json: "abcd" })).toBe(16 + 8 + 24)
    expect(sizeOf([1, true, null])).toBe(16 + 8 + 4 + 8)
  })

  it("evicts the least recently used entries to stay within its byte budget, and never refuses a key", async () => {
    const perEntry = entryBytes("k000")
    const cache = new BoundedMemoryCachingProvider({ logger }, { maxBytes: perEntry * 10 })
    for (let i = 0; i < 10; i++) await cache.set({ key: `k${String(i).padStart(3, "0")}`, data: answer(i) })
    expect(cache.stats()).toEqual({ bytes: perEntry * 10, entries: 10, maxBytes: perEntry * 10 })

    // Reading k000 makes it recent: the next two writes evict k001 and k002.
    expect(await cache.get({ key: "k000" })).toEqual(answer(0))
    await cache.set({ key: "k010", data: answer(10) })
    await cache.set({ key: "k011", data: answer(11) })
    expect(await cache.get({ key: "k001" })).toBeNull()
    expect(await cache.get({ key: "k002" })).toBeNull()
    expect(await cache.get({ key: "k000" })).toEqual(answer(0))
    expect(await cache.get({ key: "k011" })).toEqual(answer(11))
    expect(cache.stats().entries).toBe(10)

    // 30,000 more distinct keys (beyond node-cache's 25,000): every one is
    // stored, the budget holds, the newest are there.
    for (let i = 12; i < 30_012; i++) {
      await cache.set({ key: `k${String(i).padStart(3, "0")}`, data: answer(i) })
      expect(cache.stats().bytes).toBeLessThanOrEqual(perEntry * 11)
    }
    expect(await cache.get({ key: "k30011" })).toEqual(answer(30011))
    expect(await cache.get({ key: "k000" })).toBeNull()
  })

  it("replaces a key without counting it twice, and skips a value larger than the whole budget", async () => {
    const cache = new BoundedMemoryCachingProvider({ logger }, { maxBytes: 10_000 })
    await cache.set({ key: "a", data: answer(1) })
    await cache.set({ key: "a", data: answer(2) })
    expect(cache.stats()).toEqual({ bytes: entryBytes("a"), entries: 1, maxBytes: 10_000 })
    await cache.set({ key: "huge", data: { json: "x".repeat(10_000) } })
    expect(await cache.get({ key: "huge" })).toBeNull()
    expect(await cache.get({ key: "a" })).toEqual(answer(2))
  })

  it("expires entries after their ttl", async () => {
    const now = jest.spyOn(Date, "now").mockReturnValue(1_000_000)
    try {
      const cache = new BoundedMemoryCachingProvider({ logger }, { ttl: 60 })
      await cache.set({ key: "short", data: answer(1), ttl: 5 })
      await cache.set({ key: "default", data: answer(2) })
      now.mockReturnValue(1_000_000 + 5_000)
      expect(await cache.get({ key: "short" })).toBeNull()
      expect(await cache.get({ key: "default" })).toEqual(answer(2))
      now.mockReturnValue(1_000_000 + 60_000)
      expect(await cache.get({ key: "default" })).toBeNull()
      expect(cache.stats()).toEqual({ bytes: 0, entries: 0, maxBytes: 128 * 1024 * 1024 })
    } finally {
      now.mockRestore()
    }
  })

  it("reads and clears by tag; automatic invalidation spares entries stored with autoInvalidate false", async () => {
    const cache = new BoundedMemoryCachingProvider({ logger }, {})
    await cache.set({ key: "a", data: answer(1), tags: ["catalogue"] })
    await cache.set({ key: "b", data: answer(2), tags: ["catalogue", "other"] })
    await cache.set({ key: "c", data: answer(3), tags: ["catalogue"], options: { autoInvalidate: false } })
    await cache.set({ key: "d", data: answer(4), tags: ["other"] })
    expect(await cache.get({ tags: ["catalogue"] })).toEqual([answer(1), answer(2), answer(3)])

    await cache.clear({ tags: ["catalogue"], options: { autoInvalidate: true } })
    expect(await cache.get({ tags: ["catalogue"] })).toEqual([answer(3)])
    expect(await cache.get({ tags: ["other"] })).toEqual([answer(4)])

    await cache.clear({ tags: ["catalogue"] })
    expect(await cache.get({ key: "c" })).toBeNull()
    await cache.clear({ key: "d" })
    expect(cache.stats().entries).toBe(0)
    expect(cache.stats().bytes).toBe(0)

    await cache.set({ key: "e", data: answer(5), tags: ["x"] })
    await cache.clear({ tags: ["*"] })
    expect(await cache.get({ tags: ["x"] })).toEqual([])
    expect(cache.stats().bytes).toBe(0)
  })

  it("refuses nonsense options", () => {
    expect(() => BoundedMemoryCachingProvider.validateOptions({ maxBytes: 0 })).toThrow(/maxBytes must be a positive/)
    expect(() => BoundedMemoryCachingProvider.validateOptions({ ttl: -1 })).toThrow(/ttl must be a positive/)
    expect(() => BoundedMemoryCachingProvider.validateOptions({ maxBytes: 1024, ttl: 60 })).not.toThrow()
  })
})

import type { ICachingProviderService, Logger } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"

export type BoundedMemoryCacheOptions = {
  /** Byte budget of everything cached (an estimate, see sizeOf). */
  maxBytes?: number
  /** Seconds an entry lives when the caller gives no ttl. */
  ttl?: number
}

type Entry = {
  data: unknown
  bytes: number
  expiresAt: number
  tags: string[]
  autoInvalidate: boolean
}

const DEFAULT_MAX_BYTES = 128 * 1024 * 1024
const DEFAULT_TTL_SECONDS = 3600
// Bookkeeping per entry (Map slot, entry object, tag sets), so that many tiny
// entries still count against the budget.
const ENTRY_OVERHEAD = 160

/**
 * Roughly how much memory a cached value holds. Strings count two bytes a
 * character (V8's worst case) so the budget errs on the safe side; cached
 * values are JSON-like (the Redis provider stores them as JSON), so there are
 * no cycles to guard against.
 */
export function sizeOf(value: unknown): number {
  if (value === null || value === undefined) return 8
  switch (typeof value) {
    case "string":
      return 16 + value.length * 2
    case "number":
    case "bigint":
      return 8
    case "boolean":
      return 4
    case "object": {
      if (value instanceof Date) return 24
      if (Array.isArray(value)) return value.reduce((sum: number, v) => sum + sizeOf(v), 16)
      let sum = 16
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) sum += k.length * 2 + sizeOf(v)
      return sum
    }
    default:
      return 8
  }
}

/**
 * In-memory caching provider with a byte budget that evicts the least recently
 * used entries instead of refusing new ones. Medusa's built-in memory provider
 * (node-cache) stops accepting keys once full and throws ECACHEFULL past
 * 25,000 keys, so a crawl of distinct URLs broke every later request; here a
 * full cache only forgets its oldest answers. One process only: Redis is the
 * shared cache in production.
 */
class BoundedMemoryCachingProvider implements ICachingProviderService {
  static identifier = "memory-lru"

  protected readonly logger: Pick<Logger, "debug" | "warn">
  protected readonly maxBytes: number
  protected readonly ttl: number
  // A Map iterates in insertion order: re-inserting on every read keeps the
  // least recently used entry first, which is what eviction takes.
  protected readonly entries = new Map<string, Entry>()
  protected readonly tagIndex = new Map<string, Set<string>>()
  protected bytes = 0

  static validateOptions(options: Record<string, unknown>) {
    const { maxBytes, ttl } = options as BoundedMemoryCacheOptions
    if (maxBytes !== undefined && !(Number.isFinite(maxBytes) && maxBytes > 0)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `memory-lru caching provider: maxBytes must be a positive number of bytes, got ${maxBytes}`)
    }
    if (ttl !== undefined && !(Number.isFinite(ttl) && ttl > 0)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `memory-lru caching provider: ttl must be a positive number of seconds, got ${ttl}`)
    }
  }

  constructor({ logger }: { logger?: Logger }, options: BoundedMemoryCacheOptions = {}) {
    this.logger = logger ?? console
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
    this.ttl = options.ttl ?? DEFAULT_TTL_SECONDS
  }

  /** Bytes and entries held now (tests and diagnostics). */
  stats() {
    return { bytes: this.bytes, entries: this.entries.size, maxBytes: this.maxBytes }
  }

  async get({ key, tags }: { key?: string; tags?: string[] }): Promise<any> {
    if (key) return this.touch(key)?.data ?? null
    if (tags?.length) {
      const keys = new Set(tags.flatMap((tag) => [...(this.tagIndex.get(tag) ?? [])]))
      return [...keys].map((k) => this.touch(k)).filter((e): e is Entry => !!e).map((e) => e.data)
    }
    return null
  }

  async set({
    key,
    data,
    ttl,
    tags,
    options,
  }: {
    key: string
    data: object
    ttl?: number
    tags?: string[]
    options?: { autoInvalidate?: boolean }
  }): Promise<void> {
    this.remove(key)
    const bytes = ENTRY_OVERHEAD + key.length * 2 + sizeOf(data) + (tags ?? []).reduce((s, t) => s + t.length * 2, 0)
    if (bytes > this.maxBytes) {
      // One answer bigger than the whole budget would evict everything else.
      this.logger.debug(`memory-lru cache: not caching ${key} (${bytes} bytes is over the budget)`)
      return
    }
    while (this.bytes + bytes > this.maxBytes && this.entries.size) {
      this.remove(this.entries.keys().next().value as string)
    }
    const entry: Entry = {
      data,
      bytes,
      expiresAt: Date.now() + (ttl ?? this.ttl) * 1000,
      tags: [...new Set(tags ?? [])],
      autoInvalidate: options?.autoInvalidate ?? true,
    }
    this.entries.set(key, entry)
    this.bytes += bytes
    for (const tag of entry.tags) {
      if (!this.tagIndex.has(tag)) this.tagIndex.set(tag, new Set())
      this.tagIndex.get(tag)!.add(key)
    }
  }

  async clear({
    key,
    tags,
    options,
  }: {
    key?: string
    tags?: string[]
    options?: { autoInvalidate?: boolean }
  }): Promise<void> {
    if (key) {
      this.remove(key)
      return
    }
    if (!tags?.length) return
    if (tags.includes("*")) {
      this.entries.clear()
      this.tagIndex.clear()
      this.bytes = 0
      return
    }
    const keys = new Set(tags.flatMap((tag) => [...(this.tagIndex.get(tag) ?? [])]))
    for (const k of keys) {
      // Medusa's automatic invalidation (options.autoInvalidate) spares
      // entries stored with autoInvalidate false; an explicit clear does not.
      if (options?.autoInvalidate && this.entries.get(k)?.autoInvalidate === false) continue
      this.remove(k)
    }
  }

  protected touch(key: string): Entry | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    if (entry.expiresAt <= Date.now()) {
      this.remove(key)
      return undefined
    }
    this.entries.delete(key)
    this.entries.set(key, entry)
    return entry
  }

  protected remove(key: string) {
    const entry = this.entries.get(key)
    if (!entry) return
    this.entries.delete(key)
    this.bytes -= entry.bytes
    for (const tag of entry.tags) {
      const keys = this.tagIndex.get(tag)
      keys?.delete(key)
      if (keys && !keys.size) this.tagIndex.delete(tag)
    }
  }
}

export default BoundedMemoryCachingProvider

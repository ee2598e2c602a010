import type { ICachingModuleService, Logger } from "@medusajs/framework/types"
import { etagOf } from "./etag"

type Warn = Pick<Logger, "warn">

/**
 * Keeps the cache from ever failing or stalling a request: a cache operation
 * that throws (a full cache, Redis down) or takes longer than `timeoutMs`
 * counts as a miss, logs one warning, and the cache is left alone for
 * `pauseMs` so a dead Redis does not cost every request the timeout.
 */
export class CacheGuard {
  private bypassUntil = 0
  private readonly timeoutMs: number
  private readonly pauseMs: number
  private readonly now: () => number

  constructor({ timeoutMs = 500, pauseMs = 10_000, now = Date.now }: { timeoutMs?: number; pauseMs?: number; now?: () => number } = {}) {
    this.timeoutMs = timeoutMs
    this.pauseMs = pauseMs
    this.now = now
  }

  /** The operation's result, or undefined when the cache failed, was too slow, or is paused. */
  async run<T>(what: string, logger: Warn, operation: () => Promise<T>): Promise<T | undefined> {
    if (this.now() < this.bypassUntil) return undefined
    let timer: NodeJS.Timeout | undefined
    try {
      return await Promise.race([
        operation(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs)
          timer.unref?.()
        }),
      ])
    } catch (e) {
      this.bypassUntil = this.now() + this.pauseMs
      logger.warn(
        `Cache ${what} failed (${(e as Error)?.message ?? e}); answering without the cache for ${Math.round(this.pauseMs / 1000)} s`
      )
      return undefined
    } finally {
      clearTimeout(timer)
    }
  }
}

const defaultGuard = new CacheGuard({ timeoutMs: Number(process.env.CACHE_TIMEOUT_MS) || 500 })

/** A JSON answer as the text sent and the ETag of that text. */
export type JsonAnswer = { json: string; etag: string }

export type Entry = { key: string; tags: string[]; ttl: number }
type Caching = Pick<ICachingModuleService, "get" | "set">

/** The answer stored under `key`, or undefined on a miss, a failing or a paused cache. */
export async function readJsonAnswer(
  caching: Pick<ICachingModuleService, "get">,
  logger: Warn,
  key: string,
  guard: CacheGuard = defaultGuard
): Promise<JsonAnswer | undefined> {
  const hit = (await guard.run("read", logger, () => caching.get({ key }))) as { json?: unknown; etag?: unknown } | null | undefined
  if (typeof hit?.json !== "string") return undefined
  // Entries written before ETags were stored get theirs computed here.
  return { json: hit.json, etag: typeof hit.etag === "string" ? hit.etag : etagOf(hit.json) }
}

/** Stores an answer; a failing cache only warns (through the guard). */
export async function storeJsonAnswer(
  caching: Pick<ICachingModuleService, "set">,
  logger: Warn,
  { key, tags, ttl }: Entry,
  answer: JsonAnswer,
  guard: CacheGuard = defaultGuard
): Promise<void> {
  await guard.run("write", logger, () => caching.set({ key, data: { json: answer.json, etag: answer.etag }, ttl, tags }))
}

/**
 * Read-through cache of a JSON answer kept as its text and ETag, so a hit
 * costs neither serialisation nor hashing. Only the cache is guarded: errors
 * of `compute` (a 404, a validation error) reach the caller as they are.
 */
export async function cachedJsonAnswer(
  caching: Caching,
  logger: Warn,
  entry: Entry,
  compute: () => Promise<object>,
  guard: CacheGuard = defaultGuard
): Promise<JsonAnswer> {
  const hit = await readJsonAnswer(caching, logger, entry.key, guard)
  if (hit) return hit
  const json = JSON.stringify(await compute())
  const answer = { json, etag: etagOf(json) }
  await storeJsonAnswer(caching, logger, entry, answer, guard)
  return answer
}

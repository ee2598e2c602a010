import Redis from "ioredis"
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible"
import { countStoreFailure } from "./metrics"

export type LimitName = "ip" | "auth-ip" | "auth-email" | "admin-key" | "admin-key-failures"

/** One limit's answer for one key: whether the request may pass, and the figures for the RateLimit-* headers. */
export type Decision = {
  name: LimitName
  allowed: boolean
  limit: number
  remaining: number
  /** Milliseconds until the key's window ends and its count starts again. */
  resetMs: number
}

export type WarnLogger = { warn(message: string): void }

/** A counter of `points` per window, kept in the store. Store failures answer undefined: the caller lets the request pass. */
export type Limit = {
  readonly name: LimitName
  readonly points: number
  /** Counts one request for `key`. */
  consume(key: string): Promise<Decision | undefined>
  /** Reads `key`'s count without adding to it; allowed while the count is below the limit. */
  peek(key: string): Promise<Decision | undefined>
}

export type RateLimitStore = {
  readonly kind: "redis" | "memory"
  limit(name: LimitName, points: number): Limit
  /** Resolves once the store answers (at once in memory); false when it did not within `timeoutMs`. */
  ready(timeoutMs?: number): Promise<boolean>
  close(): Promise<void>
}

export type StoreOptions = {
  redisUrl?: string
  keyPrefix: string
  windowSeconds: number
  logger: WarnLogger
  /** Milliseconds between two "failing open" warnings (default one minute). */
  warnEveryMs?: number
  /** Redis answers slower than this count as a failure (default 500 ms): a slow Redis must not slow the shop. */
  redisTimeoutMs?: number
}

/**
 * Logs that limits are not enforced at most once per period, with the number
 * of failures since the last line: a Redis outage under load must not write a
 * warning per request.
 */
export class FailOpenWarning {
  private lastAt = -Infinity
  private suppressed = 0

  constructor(
    private readonly logger: WarnLogger,
    private readonly everyMs: number,
    private readonly now: () => number = Date.now
  ) {}

  report(err: unknown) {
    countStoreFailure()
    const at = this.now()
    if (at - this.lastAt < this.everyMs) {
      this.suppressed++
      return
    }
    const more = this.suppressed ? ` (${this.suppressed} more failures since the last warning)` : ""
    this.lastAt = at
    this.suppressed = 0
    const reason = err instanceof Error ? err.message : String(err)
    this.logger.warn(`Rate limits fail open: the limit store failed (${reason.slice(0, 200)}); requests are let through${more}`)
  }
}

function decisionOf(name: LimitName, points: number, res: RateLimiterRes, allowed: boolean): Decision {
  return {
    name,
    allowed,
    limit: points,
    remaining: Math.max(points - res.consumedPoints, 0),
    resetMs: Math.max(res.msBeforeNext, 0),
  }
}

class StoreLimit implements Limit {
  constructor(
    readonly name: LimitName,
    readonly points: number,
    private readonly limiter: RateLimiterAbstract,
    private readonly failures: FailOpenWarning
  ) {}

  async consume(key: string): Promise<Decision | undefined> {
    try {
      return decisionOf(this.name, this.points, await this.limiter.consume(key), true)
    } catch (err) {
      // Over the limit rejects with the limiter's answer; anything else is the store failing.
      if (err instanceof RateLimiterRes) return decisionOf(this.name, this.points, err, false)
      this.failures.report(err)
      return undefined
    }
  }

  async peek(key: string): Promise<Decision | undefined> {
    try {
      const res = await this.limiter.get(key)
      if (!res) return { name: this.name, allowed: true, limit: this.points, remaining: this.points, resetMs: 0 }
      return decisionOf(this.name, this.points, res, res.consumedPoints < this.points)
    } catch (err) {
      this.failures.report(err)
      return undefined
    }
  }
}

/**
 * Counters in Redis when a URL is given (every instance shares them), in this
 * process's memory otherwise. The Redis connection never queues commands while
 * it is down and gives up on a slow answer, so an outage costs each request a
 * failed call (and the request passes), not a wait.
 */
export function createRateLimitStore(options: StoreOptions): RateLimitStore {
  const failures = new FailOpenWarning(options.logger, options.warnEveryMs ?? 60_000)
  const common = (name: LimitName, points: number) => ({
    points,
    duration: options.windowSeconds,
    keyPrefix: `${options.keyPrefix}:${name}`,
  })

  if (!options.redisUrl) {
    return {
      kind: "memory",
      limit: (name, points) => new StoreLimit(name, points, new RateLimiterMemory(common(name, points)), failures),
      ready: async () => true,
      close: async () => undefined,
    }
  }

  const timeout = options.redisTimeoutMs ?? 500
  const client = new Redis(options.redisUrl, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: timeout,
    connectTimeout: Math.max(timeout, 2_000),
    // Keep trying to come back (every 0.2 s to 2 s), requests passing meanwhile.
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  })
  // ioredis emits connection errors as events: without a listener each one
  // would be an uncaught exception.
  client.on("error", (err) => failures.report(err))
  return {
    kind: "redis",
    limit: (name, points) =>
      new StoreLimit(
        name,
        points,
        new RateLimiterRedis({ ...common(name, points), storeClient: client, rejectIfRedisNotReady: true }),
        failures
      ),
    ready: (timeoutMs = 5_000) =>
      client.status === "ready"
        ? Promise.resolve(true)
        : new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(false), timeoutMs)
            client.once("ready", () => {
              clearTimeout(timer)
              resolve(true)
            })
          }),
    close: async () => {
      client.disconnect()
    },
  }
}

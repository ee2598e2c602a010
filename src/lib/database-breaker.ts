import { ApiError } from "./errors"
import { UNAVAILABLE_MESSAGE_TEXT } from "./unavailable"

/**
 * Turns a PostgreSQL outage into quick 503s instead of requests that hang.
 * Medusa's knex pool is built with `propagateCreateError: false`, so while the
 * database is gone every query waits for the acquire timeout (60 s) as the
 * pool keeps trying to connect. The breaker listens to the pool: a failed
 * connect opens it, a successful one closes it. While open, requests are
 * refused at once, except one probe per second, which lets the pool find the
 * database again as soon as it is back. The acquire timeout of requests that
 * were already waiting is lowered too (DB_ACQUIRE_TIMEOUT_MS, default 5000).
 */

type PoolEvents = {
  on: (event: "createFail" | "createSuccess", listener: (...args: unknown[]) => void) => void
  acquireTimeoutMillis?: number
}
type KnexLike = { client?: { pool?: PoolEvents } }

const PROBE_INTERVAL_MS = 1000

export class DatabaseBreaker {
  private openSince: number | undefined
  private lastProbe = 0
  private readonly watched = new WeakSet<object>()

  constructor(private readonly now: () => number = Date.now) {}

  /** Listens to a knex instance's pool once; safe to call on every request. */
  watch(knex: KnexLike, acquireTimeoutMs = Number(process.env.DB_ACQUIRE_TIMEOUT_MS) || 5000) {
    const pool = knex?.client?.pool
    if (!pool || this.watched.has(pool)) return
    this.watched.add(pool)
    if (typeof pool.acquireTimeoutMillis === "number") pool.acquireTimeoutMillis = acquireTimeoutMs
    pool.on("createFail", () => this.fail())
    pool.on("createSuccess", () => this.succeed())
  }

  fail() {
    this.openSince ??= this.now()
  }

  succeed() {
    this.openSince = undefined
  }

  get open(): boolean {
    return this.openSince !== undefined
  }

  /** Throws a 503 while the database is known to be down, letting one probe through per second. */
  admit() {
    if (this.openSince === undefined) return
    const now = this.now()
    if (now - this.lastProbe >= PROBE_INTERVAL_MS) {
      this.lastProbe = now
      return
    }
    throw new ApiError(503, "SERVICE_UNAVAILABLE", UNAVAILABLE_MESSAGE_TEXT)
  }
}

export const databaseBreaker = new DatabaseBreaker()

import { ApiError } from "./errors"
import { UNAVAILABLE_MESSAGE_TEXT } from "./unavailable"

/**
 * Turns a PostgreSQL outage into quick 503s instead of requests that hang.
 * Medusa's knex pool is built with `propagateCreateError: false`, so while the
 * database is gone every query waits for the pool's acquire timeout (60 s) as
 * the pool keeps trying to connect. The breaker listens to the pool: when
 * connecting has failed for OPEN_AFTER_MS with no success in between, it
 * opens, and requests are refused at once. One request a second probes the
 * database itself (`select 1`); the first success closes the breaker. A single
 * failed connect (a restart that is already over, a database recreated by a
 * test runner) does not open it.
 */

type PoolEvents = {
  on: (event: "createFail" | "createSuccess", listener: (...args: unknown[]) => void) => void
}
type KnexLike = { client?: { pool?: PoolEvents }; raw?: (sql: string) => PromiseLike<unknown> }

const OPEN_AFTER_MS = 1000
const PROBE_INTERVAL_MS = 1000
const PROBE_TIMEOUT_MS = 1000

export class DatabaseBreaker {
  private failingSince: number | undefined
  private lastProbe = 0
  private readonly watched = new WeakSet<object>()

  constructor(private readonly now: () => number = Date.now) {}

  /** Listens to a knex instance's pool once; safe to call on every request. */
  watch(knex: KnexLike) {
    const pool = knex?.client?.pool
    if (!pool || this.watched.has(pool)) return
    this.watched.add(pool)
    pool.on("createFail", () => this.fail())
    pool.on("createSuccess", () => this.succeed())
  }

  fail() {
    this.failingSince ??= this.now()
  }

  succeed() {
    this.failingSince = undefined
  }

  get open(): boolean {
    return this.failingSince !== undefined && this.now() - this.failingSince >= OPEN_AFTER_MS
  }

  /**
   * Resolves when the request may go on; throws a 503 while the database is
   * known to be down. While open, one caller a second runs the probe.
   */
  async admit(knex: KnexLike) {
    if (!this.open) return
    const now = this.now()
    if (now - this.lastProbe >= PROBE_INTERVAL_MS && knex.raw) {
      this.lastProbe = now
      if (await this.probe(knex)) {
        this.succeed()
        return
      }
    }
    throw new ApiError(503, "SERVICE_UNAVAILABLE", UNAVAILABLE_MESSAGE_TEXT)
  }

  private async probe(knex: KnexLike): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined
    try {
      await Promise.race([
        knex.raw!("select 1"),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error("timeout")), PROBE_TIMEOUT_MS)
        }),
      ])
      return true
    } catch {
      return false
    } finally {
      clearTimeout(timer)
    }
  }
}

export const databaseBreaker = new DatabaseBreaker()

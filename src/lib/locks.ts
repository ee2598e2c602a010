/**
 * Lease of our request-long Locking-module keys (cart queue, idempotency,
 * checkout stock, order payment). The Redis provider renews a held lease every
 * third of it while the holder lives, so long requests keep their lock; a
 * server killed mid-request stops renewing, and its keys free themselves
 * within this many seconds instead of Medusa's default 60.
 */
export const LOCK_LEASE_SECONDS = 15

/**
 * The lease to pass to the Locking module: only with Redis. The in-memory
 * provider (one process, no REDIS_URL) expires a lock without renewing it,
 * so a lease there would free a queue's key while its holder still works;
 * and a single process has no peer to outlive it anyway.
 */
export const lockLease = (): { expire?: number } => (process.env.REDIS_URL ? { expire: LOCK_LEASE_SECONDS } : {})

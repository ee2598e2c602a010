/**
 * Lease of our request-long Locking-module keys (cart queue, idempotency,
 * checkout stock, order payment). The Redis provider renews a held lease every
 * third of it while the holder lives, so long requests keep their lock; a
 * server killed mid-request stops renewing, and its keys free themselves
 * within this many seconds instead of Medusa's default 60.
 */
export const LOCK_LEASE_SECONDS = 15

/**
 * Whether an error means a dependency (PostgreSQL or Redis) cannot be reached
 * right now, rather than a fault in the request or in our code: the shop
 * answers those 503 SERVICE_UNAVAILABLE with Retry-After, so clients retry
 * and operators are not sent looking for a bug. Workflows hand errors back as
 * plain objects, so the test reads `code` and `message`, not the class.
 */

// PostgreSQL SQLSTATEs: connection exceptions (08xxx), shutdown and start-up
// (57P01-57P03), too many connections (53300).
const PG_UNAVAILABLE = new Set(["08000", "08001", "08003", "08004", "08006", "57P01", "57P02", "57P03", "53300"])
const NODE_UNAVAILABLE = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND"])

const UNAVAILABLE_MESSAGE = new RegExp(
  [
    "ECONNREFUSED",
    "ECONNRESET",
    "Connection terminated",
    "Connection ended unexpectedly",
    "terminating connection due to administrator command",
    "the database system is (starting up|shutting down|in recovery mode)",
    "Timeout acquiring a connection",
    "Client has encountered a connection error",
    // ioredis with Redis gone
    "max retries per request",
    "Connection is closed",
    "Stream isn't writeable",
  ].join("|"),
  "i"
)

/** Retry-After (seconds) sent with a 503: long enough for a restart, short enough to recover quickly. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5

export const UNAVAILABLE_MESSAGE_TEXT = "The shop cannot reach its database or cache right now. Try again in a few seconds."

export function isDependencyUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== "object" || depth > 3) return false
  const { code, message, cause, name } = err as { code?: unknown; message?: unknown; cause?: unknown; name?: unknown }
  if (typeof code === "string" && (PG_UNAVAILABLE.has(code) || NODE_UNAVAILABLE.has(code))) return true
  if (name === "MaxRetriesPerRequestError" || name === "ConnectionException") return true
  if (typeof message === "string" && UNAVAILABLE_MESSAGE.test(message)) return true
  return isDependencyUnavailable(cause, depth + 1)
}

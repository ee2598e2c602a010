const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

// Each test file boots its own Medusa app: stale entity metadata from a
// previous file would otherwise leak into the next one.
MetadataStorage.clear()

// Specs send hundreds of requests from 127.0.0.1: rate limits are off in the
// test suites. A spec about limits sets its own values at its top (after this
// file runs) or in the runner's env.
for (const name of [
  "RATE_LIMIT_PER_MINUTE",
  "AUTH_RATE_LIMIT_PER_MINUTE",
  "ADMIN_KEY_RATE_LIMIT_PER_MINUTE",
  "ADMIN_KEY_FAILURES_PER_MINUTE",
]) {
  process.env[name] = "0"
}

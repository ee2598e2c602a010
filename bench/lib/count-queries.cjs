// Preloaded into the bench's server (node --require, with BENCH_COUNT_QUERIES set
// to a file path): counts the SQL statements the server sends through every copy
// of `pg` it loads (Medusa's and MikroORM's), and writes the running count to
// that file every 100 ms, so a bench can read the statements one request costs
// (read, wait for the file to settle, run requests one at a time, read again).
const fs = require("node:fs")
const path = require("node:path")

const file = process.env.BENCH_COUNT_QUERIES
let statements = 0
// BENCH_LOG_QUERIES=<file>: also the text of each statement, numbered (to see where a request's statements go).
const log = process.env.BENCH_LOG_QUERIES

const copies = [require.resolve("pg")]
try {
  copies.push(require.resolve("pg", { paths: [path.dirname(require.resolve("@mikro-orm/postgresql"))] }))
} catch {
  // MikroORM shares the top-level copy
}
for (const copy of new Set(copies)) {
  const { Client } = require(copy)
  const query = Client.prototype.query
  Client.prototype.query = function countedQuery(...args) {
    statements++
    if (log) {
      const text = typeof args[0] === "string" ? args[0] : args[0]?.text
      fs.appendFileSync(log, `${statements}\t${String(text).replace(/\s+/g, " ").slice(0, 400)}\n`)
    }
    return query.apply(this, args)
  }
}

let written = -1
setInterval(() => {
  if (statements === written) return
  written = statements
  fs.writeFileSync(file, String(statements))
}, 100).unref()

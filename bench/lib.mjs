// Shared plumbing of the benchmarks: a PostgreSQL (BENCH_DATABASE_URL, else an
// embedded one), a migrated and seeded bench database, `medusa start` on its
// own port, autocannon runs and the server's RSS.
import { spawn } from "node:child_process"
import { randomBytes } from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import autocannon from "autocannon"
import {
  connectionUrl,
  ensureDatabase,
  isPortOpen,
  log,
  queryRows,
  startEmbeddedPostgres,
} from "../scripts/lib/postgres.mjs"
import { ROOT, runOrFail } from "../scripts/lib/run.mjs"
import { disableTelemetry } from "../scripts/lib/telemetry.mjs"

export const PORT = Number(process.env.BENCH_PORT || 9100)
export const BASE = `http://127.0.0.1:${PORT}`
export { log }

/**
 * Database, migrations, seed and a running server; answers { env, stop }.
 * `serverNodeOptions` go to the server alone (e.g. --cpu-prof).
 */
export async function startShop({ database = "skinior_bench", products = 0, serverNodeOptions = "" } = {}) {
  const env = { ...process.env, PORT: String(PORT), DISABLE_ADMIN: "true" }
  await disableTelemetry(env)
  // `medusa start` runs with NODE_ENV=production, which refuses default
  // secrets: a bench run gets throwaway ones.
  for (const name of ["JWT_SECRET", "COOKIE_SECRET"]) env[name] ||= randomBytes(32).toString("hex")
  // Stable across runs (a bench database keeps what earlier runs sealed); made-up shoppers only.
  env.PII_ENCRYPTION_KEY ||= "skinior-bench-only-pii-key-for-made-up-shoppers"
  // A bench is many shoppers behind one address: rate limits off unless the caller set them.
  for (const name of ["RATE_LIMIT_PER_MINUTE", "AUTH_RATE_LIMIT_PER_MINUTE", "ADMIN_KEY_RATE_LIMIT_PER_MINUTE", "ADMIN_KEY_FAILURES_PER_MINUTE"]) {
    env[name] ||= "0"
  }
  let embedded
  let tempDir
  if (process.env.BENCH_DATABASE_URL) {
    env.DATABASE_URL = process.env.BENCH_DATABASE_URL
  } else if (await isPortOpen(5432)) {
    env.DATABASE_URL = `postgres://postgres@localhost:5432/${database}`
  } else {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "skinior-bench-pg-"))
    fs.chmodSync(tempDir, 0o777)
    embedded = await startEmbeddedPostgres({ dataDir: path.join(tempDir, "data"), persistent: false })
    env.DATABASE_URL = connectionUrl(embedded, database)
  }
  await ensureDatabase(env.DATABASE_URL)
  log("Migrating the bench database (pending migrations only) ...")
  await runOrFail("medusa", ["db:migrate"], { env })
  const [{ count }] = await queryRows(env.DATABASE_URL, "select count(*)::int as count from product")
  if (count === 0) {
    log("Seeding the bench database ...")
    await runOrFail("medusa", ["exec", "./src/scripts/seed.ts"], { env })
  }
  const [{ indexed }] = await queryRows(
    env.DATABASE_URL,
    "select count(*)::int as indexed from catalogue_entry where deleted_at is null"
  )
  // A bench database grown by an earlier run is kept as it is: growing boots Medusa (~1 min).
  if (products && indexed < products) {
    log(`Growing the catalogue to ${products} products ...`)
    await runOrFail("medusa", ["exec", "./src/scripts/bench-catalogue.ts"], {
      env: { ...env, BENCH_PRODUCTS: String(products) },
    })
  }

  const server = await startServer({ ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ""} ${serverNodeOptions}`.trim() }, PORT)
  const stop = async () => {
    await server.stop()
    if (embedded) {
      await embedded.stop()
      fs.rmSync(tempDir, { recursive: true, force: true })
    }
  }
  return { env, pid: server.pid, stop }
}

/** `medusa start` on a port with the bench's environment; answers { pid, stop } once /api/v1/health answers. */
export async function startServer(env, port) {
  const base = `http://127.0.0.1:${port}`
  log(`Starting \`medusa start\` on :${port} ...`)
  const server = spawn(path.join(ROOT, "node_modules", ".bin", "medusa"), ["start"], {
    cwd: ROOT,
    // The heap cap `npm start` and the Dockerfile use (SERVER_HEAP_MB, default 512).
    env: {
      ...env,
      PORT: String(port),
      LOG_LEVEL: "error",
      NODE_OPTIONS: `--max-old-space-size=${process.env.SERVER_HEAP_MB || 512} ${env.NODE_OPTIONS ?? ""}`.trim(),
    },
    stdio: ["ignore", "inherit", "inherit"],
  })
  const started = Date.now()
  for (;;) {
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) break
    } catch {
      // not listening yet
    }
    if (server.exitCode !== null) throw new Error("The server exited while starting; see its output above.")
    if (Date.now() - started > 120_000) throw new Error(`The server did not answer ${base}/api/v1/health within 2 minutes.`)
    await new Promise((r) => setTimeout(r, 500))
  }
  log(`Server on :${port} up in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
  const stop = async () => {
    if (server.exitCode === null) {
      server.kill("SIGTERM")
      await new Promise((r) => server.once("exit", r))
    }
  }
  return { pid: server.pid, stop }
}

/** The server's resident set size in MB (Linux), or null where /proc is missing. */
export function rssMb(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8")
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1])
    return Math.round(kb / 1024)
  } catch {
    return null
  }
}

/**
 * One autocannon run. `requests` is autocannon's request list (functions may
 * pick the next cart); a fixed `amount` or a `duration` in seconds.
 */
export async function measure(name, options) {
  log(`${name}: ${options.amount ? `${options.amount} requests` : `${options.duration} s`} at ${options.connections} connections ...`)
  // autocannon takes the path in the url; `requests` carry their own paths.
  const { path: requestPath, ...rest } = options
  const result = await autocannon({ url: `${BASE}${requestPath ?? ""}`, ...rest })
  const ok = result["2xx"]
  const bad = result.non2xx + result.errors + result.timeouts
  if (bad) {
    log(`  warning: ${bad} non-2xx/errored responses of ${ok + bad}`)
  }
  return {
    name,
    requests: ok + bad,
    non2xx: bad,
    rps: Math.round(result.requests.average),
    mean: Math.round(result.latency.mean * 10) / 10,
    p50: result.latency.p50,
    p99: result.latency.p99,
  }
}

export function table(rows, extra = {}) {
  const lines = [
    "| run | requests | req/s | p50 ms | p99 ms | non-2xx |",
    "|---|---:|---:|---:|---:|---:|",
    ...rows.map((r) => `| ${r.name} | ${r.requests} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.non2xx} |`),
  ]
  for (const [k, v] of Object.entries(extra)) lines.push(`\n${k}: ${v}`)
  return lines.join("\n")
}

export function saveResults(name, data) {
  const dir = path.join(ROOT, "bench", "results")
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`)
  fs.writeFileSync(file, JSON.stringify(data, null, 2))
  return file
}

export async function json(method, url, body, headers = {}) {
  const res = await fetch(`${BASE}${url}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const data = await res.json()
  if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${JSON.stringify(data)}`)
  return data
}

/**
 * Sets the stock of the variants with these SKUs at every location to `quantity`, through
 * Medusa's Admin API as the seed's admin user (reserved units stay reserved).
 */
export async function setStock(db, skus, quantity) {
  // The seed's admin user (src/scripts/seed/admin-user.ts).
  const email = process.env.ADMIN_EMAIL || "admin@skinior.com"
  const password = process.env.ADMIN_PASSWORD || "skinior-admin"
  const { token } = await json("POST", "/auth/user/emailpass", { email, password })
  const admin = { authorization: `Bearer ${token}` }
  const levels = await queryRows(
    db,
    `select ii.id as item, il.location_id as location
       from inventory_item ii join inventory_level il on il.inventory_item_id = ii.id and il.deleted_at is null
      where ii.sku = any($1) and ii.deleted_at is null`,
    [skus]
  )
  for (const level of levels) {
    await json("POST", `/admin/inventory-items/${level.item}/location-levels/${level.location}`, { stocked_quantity: quantity }, admin)
  }
  return levels.length
}

// The production shape on one machine, for the drills: two `medusa start`
// servers (MEDUSA_WORKER_MODE=server) and one worker (MEDUSA_WORKER_MODE=worker)
// on one PostgreSQL and one Redis. Each drill gets its own Redis (a private
// `redis-server` on a free port) and, when asked, its own embedded PostgreSQL,
// so a drill can stop either without touching anything else on the machine.
import { spawn } from "node:child_process"
import { randomBytes } from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import {
  connectionUrl,
  dropDatabase,
  ensureDatabase,
  freePort,
  isPortOpen,
  log,
  queryRows,
  startEmbeddedPostgres,
} from "./postgres.mjs"
import { ROOT, runOrFail } from "./run.mjs"
import { disableTelemetry } from "./telemetry.mjs"

export { log, queryRows }

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

async function waitFor(what, check, timeoutMs) {
  const started = Date.now()
  for (;;) {
    if (await check()) return Date.now() - started
    if (Date.now() - started > timeoutMs) throw new Error(`${what} did not come up within ${timeoutMs / 1000} s.`)
    await sleep(200)
  }
}

/** A private redis-server on a free port; stop() and start() again keep its port. */
export async function startRedis() {
  const port = await freePort()
  let child
  const start = async () => {
    child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      stdio: "ignore",
    })
    child.on("error", (e) => {
      log(`redis-server could not start (${e.message}). Install Redis (apt-get install redis-server).`)
    })
    await waitFor(`redis-server on :${port}`, () => isPortOpen(port), 10_000)
  }
  const stop = async () => {
    if (child && child.exitCode === null) {
      child.kill("SIGKILL")
      await new Promise((resolve) => child.once("exit", resolve))
    }
  }
  await start()
  return { url: `redis://127.0.0.1:${port}`, port, start, stop }
}

/**
 * The database: an embedded PostgreSQL of its own (ownPostgres, so the drill
 * may restart it), else the one on 127.0.0.1:5432 with a database of this name.
 */
async function startDatabase(name, ownPostgres) {
  if (!ownPostgres && (await isPortOpen(5432))) {
    return { url: `postgres://postgres@localhost:5432/${name}`, restart: undefined, stop: async () => undefined }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `skinior-${name}-`))
  fs.chmodSync(dir, 0o777)
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), persistent: true })
  return {
    url: connectionUrl(pg, name),
    pg,
    stop: async () => {
      await pg.stop()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** One `medusa start` process; its output lines are kept (and parsed when JSON) for the drill's checks. */
function startProcess({ name, env, port, mode }) {
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "medusa"), ["start"], {
    cwd: ROOT,
    env: {
      ...env,
      PORT: String(port),
      MEDUSA_WORKER_MODE: mode,
      NODE_OPTIONS: `--max-old-space-size=${process.env.SERVER_HEAP_MB || 512}`,
    },
    stdio: ["ignore", "pipe", "pipe"],
  })
  const proc = { name, port, mode, child, base: `http://127.0.0.1:${port}`, lines: [] }
  let rest = ""
  const take = (chunk) => {
    const text = rest + chunk.toString()
    const parts = text.split("\n")
    rest = parts.pop()
    for (const line of parts) {
      if (!line.trim()) continue
      let entry
      try {
        entry = JSON.parse(line)
      } catch {
        entry = { message: line }
      }
      proc.lines.push(entry)
      if (entry.level === "error" && process.env.DRILL_VERBOSE) log(`${name}: ${line.slice(0, 300)}`)
    }
  }
  child.stdout.on("data", take)
  child.stderr.on("data", take)
  proc.exited = new Promise((resolve) => child.once("exit", resolve))
  proc.alive = () => child.exitCode === null && child.signalCode === null
  proc.kill = async (signal = "SIGTERM") => {
    if (proc.alive()) {
      child.kill(signal)
      await proc.exited
    }
  }
  return proc
}

async function healthy(base) {
  try {
    return (await fetch(`${base}/health`, { signal: AbortSignal.timeout(2000) })).ok
  } catch {
    return false
  }
}

/**
 * Migrated, seeded database; private Redis; two servers and a worker.
 * Answers { env, servers: [a, b], worker, redis, db, restartServer, stop }.
 */
export async function startCluster({ name, ownPostgres = false, env: extraEnv = {}, basePort = 9300 }) {
  const redis = await startRedis()
  const db = await startDatabase(name, ownPostgres)
  const env = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: db.url,
    REDIS_URL: redis.url,
    DISABLE_ADMIN: "true",
    LOG_LEVEL: "info",
    JWT_SECRET: randomBytes(32).toString("hex"),
    COOKIE_SECRET: randomBytes(32).toString("hex"),
    PII_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
    ...extraEnv,
  }
  delete env.DB_HOST
  await disableTelemetry(env)
  // Every drill starts from a freshly seeded shop, so its counts are its own.
  if (!db.pg) await dropDatabase(db.url)
  await ensureDatabase(db.url)
  log(`${name}: migrating ...`)
  await runOrFail("medusa", ["db:migrate"], { env: { ...env, LOG_LEVEL: "error" } })
  const [{ count }] = await queryRows(db.url, "select count(*)::int as count from product")
  if (count === 0) {
    log(`${name}: seeding ...`)
    await runOrFail("medusa", ["exec", "./src/scripts/seed.ts"], { env: { ...env, LOG_LEVEL: "error" } })
  }
  const specs = [
    { name: "server-a", port: basePort, mode: "server" },
    { name: "server-b", port: basePort + 1, mode: "server" },
    { name: "worker", port: basePort + 2, mode: "worker" },
  ]
  log(`${name}: starting two servers and a worker ...`)
  const procs = specs.map((spec) => startProcess({ ...spec, env }))
  await Promise.all(
    procs.map(async (p) => {
      const ms = await waitFor(`${p.name} on :${p.port}`, async () => {
        if (!p.alive()) throw new Error(`${p.name} exited while starting: ${JSON.stringify(p.lines.slice(-5))}`)
        return healthy(p.base)
      }, 180_000)
      log(`${name}: ${p.name} (${p.mode}) up on :${p.port} in ${(ms / 1000).toFixed(1)} s`)
    })
  )
  const [a, b, worker] = procs
  // Stopped from outside (CI giving up, Ctrl-C): take the processes down with us.
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => {
      log(`${name}: ${signal}, stopping the servers, the worker and Redis ...`)
      cluster.stop().finally(() => process.exit(1))
    })
  }
  const cluster = {
    env,
    db,
    redis,
    servers: [a, b],
    worker,
    /** Starts a fresh process in place of a dead server. */
    async restartServer(index) {
      const old = cluster.servers[index]
      await old.kill("SIGKILL")
      const fresh = startProcess({ name: old.name, port: old.port, mode: old.mode, env })
      await waitFor(`${old.name} again`, () => healthy(fresh.base), 180_000)
      cluster.servers[index] = fresh
      return fresh
    },
    async stop() {
      await Promise.all([...cluster.servers, worker].map((p) => p.kill("SIGTERM")))
      await redis.stop()
      await db.stop()
    },
  }
  return cluster
}

export async function request(base, method, url, { body, headers = {}, timeoutMs = 30_000 } = {}) {
  const started = Date.now()
  try {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    })
    const text = await res.text()
    let json
    try {
      json = JSON.parse(text)
    } catch {
      json = undefined
    }
    return { status: res.status, body: json, text, ms: Date.now() - started, headers: res.headers }
  } catch (e) {
    return { status: e.name === "TimeoutError" ? "timeout" : "network", error: e.message, ms: Date.now() - started }
  }
}

/** Counts of answers by status, e.g. { "201": 10, "409": 10 }. */
export function byStatus(answers) {
  const out = {}
  for (const a of answers) out[a.status] = (out[a.status] ?? 0) + 1
  return out
}

export function check(results, name, ok, detail) {
  results.push({ name, ok: Boolean(ok), detail })
  log(`${ok ? "PASS" : "FAIL"} ${name}${detail === undefined ? "" : `: ${typeof detail === "string" ? detail : JSON.stringify(detail)}`}`)
}

/** Saves a drill's checks and figures to bench/results, prints the tally, and sets exit code 1 on a failed check. */
export function reportDrill(name, startedAt, results, figures) {
  const failed = results.filter((r) => !r.ok)
  const seconds = Math.round((Date.now() - startedAt) / 1000)
  const file = path.join(ROOT, "bench", "results", `${name}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, JSON.stringify({ seconds, results, figures }, null, 2))
  log(`${results.length - failed.length}/${results.length} checks passed in ${seconds} s; figures in ${path.relative(ROOT, file)}`)
  if (failed.length) process.exitCode = 1
}

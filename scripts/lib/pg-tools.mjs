// What `npm run backup` and `npm run restore` share: the database named by
// DATABASE_URL, PostgreSQL's own client tools (pg_dump, pg_restore), the
// backup folder and its file names.
import { spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import { createRequire } from "node:module"
import path from "node:path"
import { ROOT } from "./run.mjs"

export const BACKUP_NAME = /^skinior-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\.dump$/

/** Reads .env like the app does (the environment wins over the file). */
export function loadProjectEnv() {
  const require = createRequire(import.meta.url)
  require("@medusajs/framework/utils").loadEnv(process.env.NODE_ENV || "development", ROOT)
}

/**
 * The database of DATABASE_URL. The password goes to the tools through
 * PGPASSWORD, never on their command line (where `ps` would show it).
 */
export function databaseFromEnv(env = process.env) {
  const raw = env.DATABASE_URL?.trim()
  if (!raw) {
    throw new Error(
      "DATABASE_URL is not set, so there is no database to work on.\n" +
        "Set it to the shop's PostgreSQL, e.g.\n" +
        "  DATABASE_URL=postgres://user:password@db.example.com:5432/skinior npm run backup\n" +
        "(or put it in .env). The embedded PostgreSQL of `npm run dev` is for development only and is not backed up."
    )
  }
  let url
  try {
    url = new URL(raw)
  } catch {
    throw new Error("DATABASE_URL is not a URL. It looks like postgres://user:password@host:5432/database")
  }
  if (!/^postgres(ql)?:$/.test(url.protocol)) {
    throw new Error(`DATABASE_URL must start with postgres:// (it starts with ${url.protocol}//).`)
  }
  const name = decodeURIComponent(url.pathname.replace(/^\//, ""))
  if (!name) throw new Error("DATABASE_URL names no database: add it after the host, e.g. postgres://…@host:5432/skinior")
  const password = decodeURIComponent(url.password)
  const withoutPassword = new URL(url)
  withoutPassword.password = ""
  return {
    url: raw,
    name,
    where: `"${name}" on ${url.hostname}:${url.port || 5432}`,
    dbnameArg: `--dbname=${withoutPassword}`,
    toolEnv: password ? { ...env, PGPASSWORD: password } : { ...env },
  }
}

/** pg_dump / pg_restore from PG_BIN_DIR or the PATH, with their major version. */
export function findTool(name, env = process.env) {
  const command = env.PG_BIN_DIR ? path.join(env.PG_BIN_DIR, name) : name
  const probe = spawnSync(command, ["--version"], { encoding: "utf8" })
  if (probe.error || probe.status !== 0) {
    throw new Error(
      `${name} was not found${env.PG_BIN_DIR ? ` in PG_BIN_DIR (${env.PG_BIN_DIR})` : " on the PATH"}. ` +
        `It comes with PostgreSQL's client tools; install those of your server's major version or newer:\n` +
        `  Debian/Ubuntu: sudo apt-get install postgresql-client   (or postgresql-client-17 from apt.postgresql.org)\n` +
        `  macOS: brew install libpq   (then set PG_BIN_DIR=$(brew --prefix libpq)/bin)\n` +
        `or set PG_BIN_DIR to the folder that holds ${name}.`
    )
  }
  const major = Number(probe.stdout.match(/(\d+)(\.\d+)?/)?.[1])
  return { command, version: probe.stdout.trim(), major }
}

/**
 * Runs a PostgreSQL tool; stderr lines go to `onLine` and the last ones are
 * kept for the error. Resolves when it exits 0, rejects with its words otherwise.
 */
export function runTool(tool, args, { env, onLine = () => {} }) {
  return new Promise((resolve, reject) => {
    const child = spawn(tool.command, args, { env, stdio: ["ignore", "pipe", "pipe"] })
    const tail = []
    let pending = ""
    let stdout = ""
    child.stdout.on("data", (chunk) => (stdout += chunk))
    child.stderr.on("data", (chunk) => {
      const lines = (pending + chunk).split("\n")
      pending = lines.pop()
      for (const line of lines) {
        onLine(line)
        tail.push(line)
        if (tail.length > 20) tail.shift()
      }
    })
    child.on("error", reject)
    child.on("close", (code) => {
      if (pending) tail.push(pending)
      if (code === 0) return resolve(stdout)
      // Its --verbose chatter is progress, not the reason it failed.
      const said = tail.filter((l) => /\b(error|warning|detail|hint|fatal)\b/i.test(l))
      const errors = said.length ? said : tail
      reject(new Error(`${path.basename(tool.command)} failed (exit code ${code}):\n${errors.join("\n")}${versionAdvice(errors, tool)}${connectionAdvice(errors)}`))
    })
  })
}

function versionAdvice(lines, tool) {
  return lines.some((l) => /version mismatch/i.test(l))
    ? `\n${path.basename(tool.command)} ${tool.major} is older than the server. Install the client tools of the server's major version ` +
        "(e.g. sudo apt-get install postgresql-client-17 from apt.postgresql.org) or set PG_BIN_DIR to their folder."
    : ""
}

function connectionAdvice(lines) {
  return lines.some((l) => /connection to server|password authentication failed|no pg_hba\.conf entry/i.test(l))
    ? "\nCheck that PostgreSQL is running and reachable from here, and that DATABASE_URL (host, port, user, password, database) is right."
    : ""
}

export function backupDir(env = process.env) {
  return path.resolve(ROOT, env.BACKUP_DIR?.trim() || "backups")
}

/** `skinior-YYYYMMDD-HHMMSS.dump` of a moment, in UTC. */
export function backupFileName(date = new Date()) {
  const stamp = date.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15)
  return `skinior-${stamp}.dump`
}

/** The UTC moment a backup's file name says it was taken, or undefined for other names. */
export function backupTakenAt(fileName) {
  const m = fileName.match(BACKUP_NAME)
  if (!m) return undefined
  const [, y, mo, d, h, mi, s] = m.map(Number)
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s))
}

export function formatBytes(bytes) {
  const units = ["B", "KB", "MB", "GB", "TB"]
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${unit ? value.toFixed(1) : value} ${units[unit]}`
}

export function fileSize(file) {
  try {
    return fs.statSync(file).size
  } catch {
    return 0
  }
}

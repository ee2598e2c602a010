// `npm run backup`: pg_dump (custom format) of DATABASE_URL into BACKUP_DIR
// (default backups/, git-ignored) as skinior-YYYYMMDD-HHMMSS.dump (UTC),
// checked readable with pg_restore --list, then dumps older than
// BACKUP_RETENTION_DAYS (default 30; 0 keeps all) are deleted.
// Meant for a daily cron or scheduled job; see README "Backups".
import fs from "node:fs"
import path from "node:path"
import { log } from "./lib/postgres.mjs"
import {
  backupDir,
  backupFileName,
  backupTakenAt,
  databaseFromEnv,
  fileSize,
  findTool,
  formatBytes,
  loadProjectEnv,
  runTool,
} from "./lib/pg-tools.mjs"

const DAY_MS = 24 * 60 * 60 * 1000

/** A path under the current folder relative to it, any other absolute. */
const shown = (file) => (file.startsWith(process.cwd() + path.sep) ? path.relative(process.cwd(), file) : file)

function retentionDays(env) {
  const raw = env.BACKUP_RETENTION_DAYS?.trim() || "30"
  if (!/^\d{1,5}$/.test(raw)) {
    throw new Error(`BACKUP_RETENTION_DAYS must be a whole number of days (0 keeps every backup); it is "${raw.slice(0, 20)}".`)
  }
  return Number(raw)
}

/** Prints the dump's growing size: in place on a terminal, every 10 s in a log. */
function watchSize(file) {
  const tty = process.stdout.isTTY
  let last = -1
  const timer = setInterval(() => {
    const size = fileSize(file)
    if (size === last) return
    last = size
    if (tty) process.stdout.write(`\r  ${formatBytes(size)} written ...`)
    else log(`  ${formatBytes(size)} written ...`)
  }, tty ? 500 : 10_000)
  return () => {
    clearInterval(timer)
    if (tty && last >= 0) process.stdout.write("\r\x1b[K")
  }
}

/** Deletes our dumps taken more than `days` days ago; other files are left alone. */
function applyRetention(dir, days, keep) {
  if (days === 0) {
    log("BACKUP_RETENTION_DAYS=0: keeping every backup.")
    return
  }
  const cutoff = Date.now() - days * DAY_MS
  const old = fs
    .readdirSync(dir)
    .filter((name) => name !== keep && (backupTakenAt(name)?.getTime() ?? Infinity) < cutoff)
    .sort()
  for (const name of old) {
    fs.rmSync(path.join(dir, name))
    log(`Deleted ${name} (older than ${days} days).`)
  }
  const kept = fs.readdirSync(dir).filter((name) => backupTakenAt(name)).length
  log(`${kept} backup${kept === 1 ? "" : "s"} kept in ${dir}.`)
}

async function main() {
  loadProjectEnv()
  const env = process.env
  const db = databaseFromEnv(env)
  const days = retentionDays(env)
  const pgDump = findTool("pg_dump", env)
  const pgRestore = findTool("pg_restore", env)

  const dir = backupDir(env)
  // A dump holds every customer's data: readable by this user only.
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
  const name = backupFileName()
  const file = path.join(dir, name)
  if (fs.existsSync(file)) throw new Error(`${file} already exists (two backups in one second?); run again in a second.`)
  // Written under a temporary name: a dump cut short never looks like a backup.
  const partial = `${file}.partial`

  log(`Backing up ${db.where} with ${pgDump.version} ...`)
  const started = Date.now()
  const stopWatching = watchSize(partial)
  try {
    await runTool(pgDump, ["--format=custom", "--compress=6", `--file=${partial}`, db.dbnameArg], { env: db.toolEnv })
  } catch (e) {
    fs.rmSync(partial, { force: true })
    throw e
  } finally {
    stopWatching()
  }
  fs.renameSync(partial, file)
  fs.chmodSync(file, 0o600)
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  log(`Wrote ${shown(file)}: ${formatBytes(fileSize(file))} in ${seconds} s.`)

  // A file pg_restore cannot read is no backup: say so now, not on the day it is needed.
  const listing = await runTool(pgRestore, ["--list", file], { env })
  const entries = listing.split("\n").filter((line) => line && !line.startsWith(";"))
  const tables = entries.filter((line) => / TABLE DATA /.test(line)).length
  log(`Checked: pg_restore reads it (${entries.length} entries, data of ${tables} table${tables === 1 ? "" : "s"}).`)

  applyRetention(dir, days, name)
}

main().catch((e) => {
  console.error(`\n${e.message ?? e}`)
  process.exit(1)
})

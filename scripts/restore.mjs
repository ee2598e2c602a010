// `npm run restore FILE [--yes]`: replaces the contents of DATABASE_URL's
// database with a dump of `npm run backup` (pg_restore --clean --if-exists,
// in one transaction: a failed restore leaves the database as it was).
// Asks for the database name first; --yes skips that in scripts. Stop the
// servers and workers first: a running app holds locks the restore waits on.
import fs from "node:fs"
import path from "node:path"
import readline from "node:readline"
import pg from "pg"
import { ensureDatabase, log } from "./lib/postgres.mjs"
import { backupDir, databaseFromEnv, fileSize, findTool, formatBytes, loadProjectEnv, runTool } from "./lib/pg-tools.mjs"

const USAGE = "Usage: npm run restore -- FILE [--yes]   (FILE: a .dump of `npm run backup`, e.g. backups/skinior-20250115-030000.dump)"

function parseArgs(argv) {
  // `npm run restore FILE --yes` (without --) hands --yes to npm, which passes it on as npm_config_yes.
  const yes = argv.includes("--yes") || argv.includes("-y") || process.env.npm_config_yes === "true"
  const unknown = argv.filter((a) => a.startsWith("-") && !["--yes", "-y"].includes(a))
  const files = argv.filter((a) => !a.startsWith("-"))
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE)
    process.exit(0)
  }
  if (unknown.length) throw new Error(`Unknown option ${unknown[0].slice(0, 40)}.\n${USAGE}`)
  if (files.length !== 1) throw new Error(`${files.length ? "Name one file only." : "Which backup? Name its file."}\n${USAGE}`)
  return { file: files[0], yes }
}

/** The file as given (from the folder npm was started in), else by name in BACKUP_DIR. */
function resolveFile(given, env) {
  const candidates = [path.resolve(env.INIT_CWD || process.cwd(), given), path.join(backupDir(env), path.basename(given))]
  const found = candidates.find((f) => fs.existsSync(f) && fs.statSync(f).isFile())
  if (!found) throw new Error(`No backup file ${given} (looked at ${[...new Set(candidates)].join(" and ")}).`)
  return found
}

/** What pg_restore --list says about the archive; an unreadable file is an error here, before anything changes. */
async function describe(pgRestore, file, env) {
  let listing
  try {
    listing = await runTool(pgRestore, ["--list", file], { env })
  } catch (e) {
    throw new Error(`${file} is not a readable pg_dump archive (custom format).\n${e.message}`)
  }
  const header = (label) => listing.match(new RegExp(`^;\\s*${label}:?\\s*(.+)$`, "m"))?.[1]?.trim()
  const entries = listing.split("\n").filter((line) => line && !line.startsWith(";"))
  return {
    createdAt: header("Archive created at"),
    from: header("dbname"),
    tables: entries.filter((line) => / TABLE DATA /.test(line)).length,
  }
}

/** One line from the terminal (or a pipe); undefined when the input ends first. */
function ask(question) {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY })
    let answered = false
    rl.on("line", (line) => {
      answered = true
      // Piped answers are not echoed: end the prompt's line.
      if (!process.stdin.isTTY) process.stdout.write("\n")
      rl.close()
      resolve(line.trim())
    })
    rl.on("close", () => answered || resolve(undefined))
    process.stdout.write(question)
  })
}

async function databaseExists(url) {
  const client = new pg.Client({ connectionString: url })
  try {
    await client.connect()
    return true
  } catch (e) {
    if (e.code === "3D000") return false // invalid_catalog_name: no such database
    throw new Error(`Cannot connect to the database of DATABASE_URL (${e.message}). Is PostgreSQL running, and is DATABASE_URL right?`)
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** "table data 12/85" as pg_restore --verbose reaches each table. */
function progress(total) {
  const tty = process.stdout.isTTY
  let done = 0
  let lastLog = 0
  return {
    onLine(line) {
      if (!/^pg_restore: processing data for table/.test(line)) return
      done++
      if (tty) process.stdout.write(`\r  table data ${done}/${total} ...`)
      else if (Date.now() - lastLog > 5000 || done === total) {
        lastLog = Date.now()
        log(`  table data ${done}/${total} ...`)
      }
    },
    end: () => tty && done && process.stdout.write("\r\x1b[K"),
  }
}

async function main() {
  const { file: given, yes } = parseArgs(process.argv.slice(2))
  loadProjectEnv()
  const env = process.env
  const db = databaseFromEnv(env)
  const pgRestore = findTool("pg_restore", env)
  const file = resolveFile(given, env)
  const archive = await describe(pgRestore, file, env)
  log(
    `Backup ${file}: ${formatBytes(fileSize(file))}, taken ${archive.createdAt ?? "at an unknown time"} ` +
      `from "${archive.from ?? "?"}", data of ${archive.tables} tables.`
  )

  if (!yes) {
    log(`This DELETES everything in ${db.where} and puts the backup in its place.`)
    const answer = await ask(`Type the database name (${db.name}) to go on: `)
    if (answer !== db.name) {
      console.error(answer === undefined ? "\nNo answer: nothing restored. (--yes skips the question in scripts.)" : "Not the database name: nothing restored.")
      process.exit(1)
    }
  }

  if (!(await databaseExists(db.url))) await ensureDatabase(db.url)
  log(`Restoring into ${db.where} with ${pgRestore.version} (one transaction) ...`)
  const started = Date.now()
  const shown = progress(archive.tables)
  try {
    await runTool(
      pgRestore,
      // --no-owner: objects belong to DATABASE_URL's user, which need not be the one that dumped them.
      ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--verbose", db.dbnameArg, file],
      { env: db.toolEnv, onLine: shown.onLine }
    )
  } catch (e) {
    throw new Error(`${e.message}\nThe restore ran in one transaction: the database is as it was before.`)
  } finally {
    shown.end()
  }
  log(`Restored in ${((Date.now() - started) / 1000).toFixed(1)} s. Updating planner statistics (ANALYZE) ...`)
  const client = new pg.Client({ connectionString: db.url })
  await client.connect()
  try {
    await client.query("analyze")
  } finally {
    await client.end()
  }
  log(`Done: ${db.where} now holds the backup. Start the servers and workers again.`)
}

main().catch((e) => {
  console.error(`\n${e.message ?? e}`)
  process.exit(1)
})

// `npm run dev`: one command from a fresh clone to a running shop.
// PostgreSQL: DATABASE_URL when set, otherwise an embedded one (data in
// .pgdata/). Then: create the database if missing, run pending migrations,
// seed an empty database, and start `medusa develop`.
import { createHash } from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { createRequire } from "node:module"
import {
  connectionUrl,
  ensureDatabase,
  log,
  queryRows,
  startEmbeddedPostgres,
} from "./lib/postgres.mjs"
import { ROOT, run, runOrFail } from "./lib/run.mjs"
import { ensureDevSecrets, SECRETS_FILE } from "./lib/secrets.mjs"
import { disableTelemetry } from "./lib/telemetry.mjs"

const require = createRequire(import.meta.url)
const { loadEnv } = require("@medusajs/framework/utils")

const DATA_DIR = path.join(ROOT, ".pgdata")
const STATE_FILE = path.join(ROOT, ".medusa", "dev-migrations.json")

/** What decides whether migrations may have changed: installed Medusa and our own migration files. */
function migrationFingerprint() {
  const hash = createHash("sha256")
  hash.update(fs.readFileSync(path.join(ROOT, "package-lock.json")))
  const modules = path.join(ROOT, "src", "modules")
  const walk = (dir) =>
    fs.existsSync(dir)
      ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
          e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]
        )
      : []
  for (const file of walk(modules).filter((f) => f.includes(`${path.sep}migrations${path.sep}`)).sort()) {
    hash.update(file).update(fs.readFileSync(file))
  }
  for (const file of fs.existsSync(path.join(ROOT, "src", "links")) ? fs.readdirSync(path.join(ROOT, "src", "links")).sort() : []) {
    hash.update(file).update(fs.readFileSync(path.join(ROOT, "src", "links", file)))
  }
  return hash.digest("hex")
}

function readState() {
  try {
    return JSON.parse(fs.readFileSync(STATE_FILE, "utf8"))
  } catch {
    return {}
  }
}

async function main() {
  loadEnv("development", ROOT)
  const env = { ...process.env }
  await disableTelemetry(env)
  const generated = ensureDevSecrets(env, ROOT)
  if (generated.length) log(`Generated ${generated.join(" and ")} into ${SECRETS_FILE} (git-ignored; reused from now on).`)

  let embedded
  // The embedded server gets a new port each run: remember its migrations by
  // data folder and database name instead.
  let stateKey = env.DATABASE_URL
  if (!env.DATABASE_URL) {
    try {
      embedded = await startEmbeddedPostgres({ dataDir: DATA_DIR })
    } catch (e) {
      // Its errors say what to do; a stack would only hide that.
      console.error(`\n${e.message}`)
      process.exit(1)
    }
    const database = env.DATABASE_NAME || "skinior"
    env.DATABASE_URL = connectionUrl(embedded, database)
    stateKey = `embedded:${database}`
  }
  let child
  let stopping = false
  const shutdown = async (signal) => {
    if (stopping) return
    stopping = true
    if (child && child.exitCode === null) {
      child.kill(signal)
      await new Promise((resolve) => child.once("exit", resolve))
    }
    if (embedded) {
      log("Stopping the embedded PostgreSQL ...")
      await embedded.stop()
    }
    process.exit(0)
  }
  process.on("SIGINT", () => shutdown("SIGINT"))
  process.on("SIGTERM", () => shutdown("SIGTERM"))

  try {
    const created = await ensureDatabase(env.DATABASE_URL)
    const fingerprint = migrationFingerprint()
    const state = readState()
    if (created || state[stateKey] !== fingerprint) {
      log("Running database migrations (about 15 s on a new database) ...")
      await runOrFail("medusa", ["db:migrate"], { env })
      fs.mkdirSync(path.dirname(STATE_FILE), { recursive: true })
      fs.writeFileSync(STATE_FILE, JSON.stringify({ ...state, [stateKey]: fingerprint }, null, 2))
    } else {
      log("Migrations are up to date.")
    }
    const [{ count }] = await queryRows(env.DATABASE_URL, "select count(*)::int as count from product")
    if (count === 0) {
      log("The database is empty: seeding the Skinior catalogue ...")
      await runOrFail("medusa", ["exec", "./src/scripts/seed.ts"], { env })
    }
    log(`Starting Medusa: API http://localhost:${env.PORT || 9000}, Admin http://localhost:${env.PORT || 9000}/app`)
    const code = await run("medusa", ["develop"], { env, onChild: (c) => (child = c) })
    if (!stopping) {
      if (embedded) await embedded.stop()
      process.exit(code)
    }
  } catch (e) {
    console.error(`\n${e.message}`)
    if (embedded) await embedded.stop()
    process.exit(1)
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})

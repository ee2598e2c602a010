// `npm test`: the whole suite (unit, module integration, HTTP integration).
// Medusa's test runners need a PostgreSQL server: DB_HOST when set, else the
// one on 127.0.0.1:5432 when it answers, else an embedded PostgreSQL that
// lives only for this run. Extra arguments go to jest (e.g. a path filter).
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { isPortOpen, log, startEmbeddedPostgres } from "./lib/postgres.mjs"
import { run } from "./lib/run.mjs"
import { disableTelemetry } from "./lib/telemetry.mjs"

const SUITES = ["unit", "integration:modules", "integration:http"]

// HTTP spec files each get their own database and port from Medusa's runner,
// so two run side by side (TEST_WORKERS, default 2: the machine's cores);
// the JOD matrix alone takes minutes and no longer holds the others up.
const workersFor = (suite) =>
  suite === "integration:http" ? [`--maxWorkers=${process.env.TEST_WORKERS || 2}`] : ["--runInBand"]

async function main() {
  const env = { ...process.env, NODE_ENV: "test" }
  env.NODE_OPTIONS = [env.NODE_OPTIONS, "--experimental-vm-modules"].filter(Boolean).join(" ")
  await disableTelemetry(env)

  let embedded
  let tempDir
  if (!env.DB_HOST) {
    if (await isPortOpen(5432)) {
      // "localhost", not 127.0.0.1: Medusa's test runner turns SSL on for any
      // database URL that does not say localhost.
      env.DB_HOST = "localhost"
      env.DB_PORT = "5432"
      env.DB_USERNAME = env.DB_USERNAME || "postgres"
      log("Testing against the PostgreSQL on 127.0.0.1:5432.")
    } else {
      tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "skinior-test-pg-"))
      fs.chmodSync(tempDir, 0o777)
      embedded = await startEmbeddedPostgres({ dataDir: path.join(tempDir, "data"), persistent: false })
      Object.assign(env, {
        DB_HOST: "localhost",
        DB_PORT: String(embedded.port),
        DB_USERNAME: embedded.user,
        DB_PASSWORD: embedded.password,
      })
    }
  }
  env.DB_USERNAME = env.DB_USERNAME || "postgres"

  const only = env.TEST_TYPE ? [env.TEST_TYPE] : SUITES
  const failed = []
  try {
    for (const suite of only) {
      log(`jest: ${suite}`)
      const code = await run(
        "jest",
        [...workersFor(suite), "--forceExit", "--passWithNoTests", ...process.argv.slice(2)],
        { env: { ...env, TEST_TYPE: suite } }
      )
      if (code !== 0) failed.push(suite)
    }
  } finally {
    if (embedded) {
      await embedded.stop()
      fs.rmSync(tempDir, { recursive: true, force: true })
    }
  }
  if (failed.length) {
    log(`Failed: ${failed.join(", ")}`)
    process.exit(1)
  }
  log(`All suites passed: ${only.join(", ")}`)
}

main().catch((e) => {
  console.error(e.message ?? e)
  process.exit(1)
})

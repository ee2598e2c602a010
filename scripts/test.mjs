// `npm test`: the whole suite (unit, module integration, HTTP integration).
// Medusa's test runners need a PostgreSQL server: DB_HOST when set, else the
// one on 127.0.0.1:5432 when it answers, else an embedded PostgreSQL that
// lives only for this run. Extra arguments go to jest (e.g. a path filter).
// Coverage (COVERAGE=1, on by default when CI is set; COVERAGE=0 turns it off):
// each suite writes coverage/<suite>, then the merged figures are printed and a
// full run fails below COVERAGE_MIN_LINES (default 80) percent of src lines.
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { mergeSuites, minimumLines, report, suiteDir } from "./lib/coverage.mjs"
import { dropDatabase, isPortOpen, log, startEmbeddedPostgres } from "./lib/postgres.mjs"
import { run } from "./lib/run.mjs"
import { disableTelemetry } from "./lib/telemetry.mjs"

const SUITES = ["unit", "integration:modules", "integration:http"]

// HTTP spec files each get their own database and port from Medusa's runner,
// so two run side by side (TEST_WORKERS, default 2: the machine's cores);
// the JOD matrix alone takes minutes and no longer holds the others up.
const workersFor = (suite) =>
  suite === "integration:http" ? [`--maxWorkers=${process.env.TEST_WORKERS || 2}`] : ["--runInBand"]

const truthy = (value) => Boolean(value) && !["0", "false", "no", "off"].includes(value.toLowerCase())

/** COVERAGE when set, else CI's own flag (CI=true on every CI service). */
const coverageWanted = (env) => (env.COVERAGE !== undefined ? truthy(env.COVERAGE) : truthy(env.CI ?? ""))

async function main() {
  const env = { ...process.env, NODE_ENV: "test" }
  const coverage = coverageWanted(env)
  // Checked before minutes of tests, not after.
  const minLines = coverage ? minimumLines(env) : 0
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
      log(`jest: ${suite}${coverage ? " (with coverage)" : ""}`)
      // A suite's earlier figures must not outlive a run that now fails to write them.
      if (coverage) fs.rmSync(suiteDir(suite), { recursive: true, force: true })
      const coverageArgs = coverage ? ["--coverage", `--coverageDirectory=${suiteDir(suite)}`] : []
      const suiteEnv = { ...env, TEST_TYPE: suite }
      if (suite === "integration:http") {
        const template = await buildTemplate(env)
        if (template) suiteEnv.SKINIOR_TEST_DB_TEMPLATE = template
      }
      const code = await run(
        "jest",
        [...workersFor(suite), "--forceExit", "--passWithNoTests", ...coverageArgs, ...process.argv.slice(2)],
        { env: suiteEnv }
      )
      if (suiteEnv.SKINIOR_TEST_DB_TEMPLATE) await dropDatabase(templateUrl(env, suiteEnv.SKINIOR_TEST_DB_TEMPLATE))
      if (code !== 0) failed.push(suite)
    }
  } finally {
    if (embedded) {
      await embedded.stop()
      fs.rmSync(tempDir, { recursive: true, force: true })
    }
  }
  if (coverage && !checkCoverage(only, minLines)) failed.push("coverage")
  if (failed.length) {
    log(`Failed: ${failed.join(", ")}`)
    process.exit(1)
  }
  log(`All suites passed: ${only.join(", ")}`)
}

const templateUrl = (env, name) =>
  `postgres://${encodeURIComponent(env.DB_USERNAME)}${env.DB_PASSWORD ? `:${encodeURIComponent(env.DB_PASSWORD)}` : ""}@${env.DB_HOST}:${env.DB_PORT || 5432}/${name}`

/**
 * One database migrated and booted by Medusa's own test runner, kept as the
 * template each HTTP spec file's database is copied from (migrating ~150
 * tables per file cost each file seconds). Answers its name, or undefined
 * when it could not be built: the specs then migrate their own databases.
 */
async function buildTemplate(env) {
  const name = `skinior_it_template_${process.pid}`
  log("Building the HTTP specs' template database ...")
  const code = await run("jest", ["--runInBand", "--forceExit"], {
    env: { ...env, TEST_TYPE: "integration:template", SKINIOR_TEST_DB_TEMPLATE: name },
  })
  if (code !== 0) {
    log("The template database could not be built; each HTTP spec file migrates its own database.")
    return undefined
  }
  return name
}

// jest arguments that run only some tests (a path pattern, a name filter, ...):
// the minimum then does not apply. Output options such as --silent keep a run full.
const FILTER_OPTIONS = /^(-t|-o|--(testPathPattern|testNamePattern|testPathIgnorePatterns|onlyChanged|onlyFailures|changedSince|findRelatedTests|lastCommit|shard|selectProjects|testMatch|testRegex)\b)/
const selectsTests = (arg) => !arg.startsWith("-") || FILTER_OPTIONS.test(arg)

/**
 * Prints the merged coverage of the suites just run; answers false when a full
 * run (every suite, no jest filter) covers less than `minLines` percent.
 */
function checkCoverage(suites, minLines) {
  const { map, used } = mergeSuites(suites.map(suiteDir))
  if (!used.length) {
    log("No coverage was written.")
    return false
  }
  const { text, totals } = report(map)
  console.log(`\n${text}\n`)
  const full = suites.length === SUITES.length && !process.argv.slice(2).some(selectsTests)
  if (!full) {
    log(`Part of the suite ran: the ${minLines}% line minimum is checked on full runs only.`)
    return true
  }
  if (totals.lines.pct < minLines) {
    log(`Line coverage ${totals.lines.pct}% is below COVERAGE_MIN_LINES=${minLines}%.`)
    return false
  }
  log(`Line coverage ${totals.lines.pct}% meets COVERAGE_MIN_LINES=${minLines}%.`)
  return true
}

main().catch((e) => {
  console.error(e.message ?? e)
  process.exit(1)
})

// `npm run coverage`: merges the coverage the suites last wrote under coverage/
// (e.g. a full `COVERAGE=1 npm test`, then a re-run of one suite with
// `COVERAGE=1 TEST_TYPE=unit npm test`), prints it and fails below
// COVERAGE_MIN_LINES (default 80).
import { log } from "./lib/postgres.mjs"
import { mergeSuites, minimumLines, report } from "./lib/coverage.mjs"

try {
  const min = minimumLines()
  const { map, used } = mergeSuites()
  if (!used.length) throw new Error("No coverage found under coverage/: run `COVERAGE=1 npm test` first.")
  log(`Merging ${used.join(", ")}`)
  const { text, totals } = report(map)
  console.log(text)
  if (totals.lines.pct < min) {
    log(`Line coverage ${totals.lines.pct}% is below COVERAGE_MIN_LINES=${min}%.`)
    process.exit(1)
  }
  log(`Line coverage ${totals.lines.pct}% meets COVERAGE_MIN_LINES=${min}%.`)
} catch (e) {
  console.error(e.message ?? e)
  process.exit(1)
}

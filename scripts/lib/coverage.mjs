// Coverage of src/ across the three jest suites: each suite writes its own
// coverage/<suite>/coverage-final.json (jest, V8 provider); this merges them,
// writes the merged JSON, lcov and an HTML report to coverage/merged, prints
// the totals and the least-covered files, and says whether the lines figure
// reaches the minimum.
import fs from "node:fs"
import path from "node:path"
import libCoverage from "istanbul-lib-coverage"
import libReport from "istanbul-lib-report"
import reports from "istanbul-reports"
import { ROOT } from "./run.mjs"

export const COVERAGE_DIR = path.join(ROOT, "coverage")
const MERGED_DIR = path.join(COVERAGE_DIR, "merged")
const LEAST_COVERED = 15

/** The folder a suite's jest run writes to ("integration:http" → coverage/integration-http). */
export const suiteDir = (suite) => path.join(COVERAGE_DIR, suite.replace(/[^a-z0-9-]/gi, "-"))

/** The minimum share of src lines, in percent, from COVERAGE_MIN_LINES (default 80). */
export function minimumLines(env = process.env) {
  const raw = env.COVERAGE_MIN_LINES ?? "80"
  const value = Number(raw)
  if (raw.trim() === "" || !Number.isFinite(value) || value < 0 || value > 100) {
    throw new Error(`COVERAGE_MIN_LINES must be a number from 0 to 100, not "${raw}".`)
  }
  return value
}

/** Merges the suites' coverage-final.json files found under coverage/ (merged/ excluded). */
export function mergeSuites(dirs = suiteDirsOnDisk()) {
  const map = libCoverage.createCoverageMap({})
  const used = []
  for (const dir of dirs) {
    const file = path.join(dir, "coverage-final.json")
    if (!fs.existsSync(file)) continue
    map.merge(JSON.parse(fs.readFileSync(file, "utf8")))
    used.push(path.relative(ROOT, file))
  }
  for (const file of map.files()) dropNonCodeLines(map.fileCoverageFor(file).data)
  return { map, used }
}

/**
 * V8's coverage counts every physical line of a loaded file, so blank lines and
 * comments would count as covered code (about a fifth of src/). Their entries
 * are dropped: lines and statements count code only. Comments are found line by
 * line (a line that is blank, `//…`, or inside or wholly a block comment); a
 * block-comment marker inside a string at the start of a line would fool it.
 */
export function dropNonCodeLines(data) {
  let source
  try {
    source = fs.readFileSync(data.path, "utf8")
  } catch {
    return
  }
  const skip = nonCodeLines(source)
  for (const [id, loc] of Object.entries(data.statementMap)) {
    if (loc.start.line === loc.end.line && skip.has(loc.start.line)) {
      delete data.statementMap[id]
      delete data.s[id]
    }
  }
}

/** Line numbers (from 1) of blank and comment-only lines. */
export function nonCodeLines(source) {
  const skip = new Set()
  let inBlock = false
  source.split("\n").forEach((raw, index) => {
    let line = raw.trim()
    if (inBlock) {
      const end = line.indexOf("*/")
      if (end === -1) return skip.add(index + 1)
      inBlock = false
      line = line.slice(end + 2).trim()
    }
    while (line.startsWith("/*")) {
      const end = line.indexOf("*/", 2)
      if (end === -1) {
        inBlock = true
        line = ""
        break
      }
      line = line.slice(end + 2).trim()
    }
    if (line === "" || line.startsWith("//")) skip.add(index + 1)
  })
  return skip
}

function suiteDirsOnDisk() {
  if (!fs.existsSync(COVERAGE_DIR)) return []
  return fs
    .readdirSync(COVERAGE_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== "merged")
    .map((d) => path.join(COVERAGE_DIR, d.name))
}

const pct = (n) => `${n.toFixed(2).padStart(6)}%`

/** Writes the reports and returns the printable summary and the totals' figures. */
export function report(map) {
  fs.rmSync(MERGED_DIR, { recursive: true, force: true })
  fs.mkdirSync(MERGED_DIR, { recursive: true })
  fs.writeFileSync(path.join(MERGED_DIR, "coverage-final.json"), JSON.stringify(map.toJSON()))
  const context = libReport.createContext({ dir: MERGED_DIR, coverageMap: map, defaultSummarizer: "nested" })
  for (const name of ["lcovonly", "html"]) reports.create(name).execute(context)

  const totals = map.getCoverageSummary().toJSON()
  const files = map.files().map((file) => {
    const lines = map.fileCoverageFor(file).toSummary().lines
    return { file: path.relative(ROOT, file), ...lines, missed: lines.total - lines.covered }
  })
  // Lowest share first; among equals, the file with the most lines left to test.
  const least = files
    .filter((f) => f.total > 0)
    .sort((a, b) => a.pct - b.pct || b.missed - a.missed)
    .slice(0, LEAST_COVERED)
  const width = Math.max(...least.map((f) => f.file.length), 4)
  const text = [
    `Coverage of src/ (${files.length} files, all suites merged):`,
    ...["lines", "statements", "branches", "functions"].map(
      (k) => `  ${k.padEnd(10)} ${pct(totals[k].pct)}  (${totals[k].covered}/${totals[k].total})`
    ),
    `The ${least.length} least-covered files (by lines):`,
    `  ${"file".padEnd(width)}   lines   missed`,
    ...least.map((f) => `  ${f.file.padEnd(width)} ${pct(f.pct)} ${String(f.missed).padStart(6)}`),
    `Reports: ${path.relative(ROOT, MERGED_DIR)}/index.html, lcov.info, coverage-final.json`,
  ].join("\n")
  return { text, totals, least }
}

// Summarises a V8 .cpuprofile: the top frames by self time, and the time spent
// inside (inclusive) each function named on the command line, as shares of the
// busy (non-idle) samples, and the self time per package or project directory. A middleware calls the next one, so inclusive times
// nest; the "innermost" table charges each sample to the nearest named function
// on its stack instead: a middleware's own cost without what runs after it.
//   node bench/lib/profile-summary.mjs <file.cpuprofile> [top=30] [functionName ...]
import fs from "node:fs"

const [file, topArg = "30", ...names] = process.argv.slice(2)
const profile = JSON.parse(fs.readFileSync(file, "utf8"))
const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
const parent = new Map()
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)

const counts = new Map()
for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1)

const label = (n) => {
  const { functionName, url, lineNumber } = n.callFrame
  const where = url ? url.replace(/^file:\/\//, "").replace(/^.*node_modules\//, "~/").replace(/^.*\/work\/main\//, "") : ""
  return `${functionName || "(anonymous)"} ${where}${where ? `:${lineNumber + 1}` : ""}`
}
const IDLE = new Set(["(idle)", "(program)", "(garbage collector)"])
let busy = 0
let gc = 0
const self = new Map()
const inclusive = new Map(names.map((name) => [name, 0]))
const innermost = new Map([...names, "(none of these)"].map((name) => [name, 0]))
for (const [id, count] of counts) {
  const node = nodes.get(id)
  const fn = node.callFrame.functionName
  if (fn === "(idle)" || fn === "(program)") continue
  busy += count
  if (fn === "(garbage collector)") gc += count
  const key = label(node)
  self.set(key, (self.get(key) ?? 0) + count)
  // Each named function counts a sample once, however deep it recurses.
  const seen = new Set()
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const name = nodes.get(at).callFrame.functionName
    if (inclusive.has(name) && !seen.has(name)) {
      if (!seen.size) innermost.set(name, innermost.get(name) + count)
      seen.add(name)
      inclusive.set(name, inclusive.get(name) + count)
    }
  }
  if (!seen.size) innermost.set("(none of these)", innermost.get("(none of these)") + count)
}
// Where the self time lands: a package (the innermost node_modules one on the
// frame's path), a directory of the project's src, Node's own code, or V8.
const areaOf = (node) => {
  const url = node.callFrame.url.replace(/^file:\/\//, "")
  if (!url) return node.callFrame.functionName === "(garbage collector)" ? "(garbage collector)" : "(V8 / native)"
  if (url.startsWith("node:")) return "node: internals"
  const pkg = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (pkg) return pkg[1]
  const own = /\/src\/([^/]+(?:\/[^/]+)?)\//.exec(url)
  return own ? `project src/${own[1]}` : url
}
const areas = new Map()
for (const [id, count] of counts) {
  const node = nodes.get(id)
  const fn = node.callFrame.functionName
  if (fn === "(idle)" || fn === "(program)") continue
  const area = areaOf(node)
  areas.set(area, (areas.get(area) ?? 0) + count)
}

const pct = (n) => `${((100 * n) / busy).toFixed(1)}%`
console.log(`busy samples: ${busy} (garbage collector ${pct(gc)})`)
console.log(`\nself time by package or project directory (top ${topArg}):`)
for (const [area, count] of [...areas].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg))) {
  console.log(`${pct(count).padStart(6)}  ${area}`)
}
console.log(`\ntop ${topArg} frames by self time:`)
for (const [key, count] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg))) {
  console.log(`${pct(count).padStart(6)}  ${key}`)
}
if (names.length) {
  console.log("\ninclusive time of named functions:")
  for (const [name, count] of inclusive) console.log(`${pct(count).padStart(6)}  ${name}`)
  console.log("\neach sample charged to the innermost named function on its stack:")
  for (const [name, count] of innermost) console.log(`${pct(count).padStart(6)}  ${name}`)
}

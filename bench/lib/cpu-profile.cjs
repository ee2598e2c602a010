// Preloaded into the bench's server (node --require, which NODE_OPTIONS allows
// where --cpu-prof is refused): samples the CPU from SIGUSR2 (sent by the bench
// once warmed up, so boot is left out) and writes a V8 .cpuprofile (Chrome
// DevTools, speedscope, or bench/lib/profile-summary.mjs) on SIGTERM, as
// bench/lib.mjs stops the server.
const fs = require("node:fs")
const path = require("node:path")
const { Session } = require("node:inspector")

const dir = process.env.BENCH_CPU_PROF
const session = new Session()
session.connect()
session.post("Profiler.enable")
session.post("Profiler.setSamplingInterval", { interval: Number(process.env.BENCH_CPU_PROF_INTERVAL_US) || 200 })
process.once("SIGUSR2", () => session.post("Profiler.start"))

let written = false
process.on("SIGTERM", () => {
  if (written) return
  written = true
  // An in-process inspector session answers synchronously.
  session.post("Profiler.stop", (err, result) => {
    if (err) return console.error(`cpu profile: ${err.message}`)
    fs.mkdirSync(dir, { recursive: true })
    const file = path.join(dir, `server-${process.pid}.cpuprofile`)
    fs.writeFileSync(file, JSON.stringify(result.profile))
    console.error(`cpu profile written to ${file}`)
  })
})

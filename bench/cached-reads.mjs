// Cached catalogue reads against a bare Node server sending the very same
// bytes, in turns, in one run (issue 15): the list, a product's detail and a
// search answered from the cache, and the ETag/304 revalidation of the list.
// The bare server runs in its own process (as the shop does), replays the
// status, headers and body the shop answered, and costs only what Node's
// http module costs: the ratio is what our stack costs on top of the bytes.
//   npm run bench:cached     (BENCH_PRODUCTS=100 BENCH_CONNECTIONS=20 BENCH_DURATION=10)
//   BENCH_CPU_PROF=/tmp/prof npm run bench:cached    the server writes a V8 CPU profile there on exit
//   BENCH_SERVER_NODE_OPTIONS="--max-semi-space-size=64" npm run bench:cached    node options of the server
import { spawn } from "node:child_process"
import path from "node:path"
import { fileURLToPath } from "node:url"
import autocannon from "autocannon"
import { BASE, log, rssMb, saveResults, startShop } from "./lib.mjs"

const HERE = path.dirname(fileURLToPath(import.meta.url))
const PRODUCTS = Number(process.env.BENCH_PRODUCTS || 100)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 20)
const DURATION = Number(process.env.BENCH_DURATION || 10)
const BARE_PORT = Number(process.env.BENCH_BARE_PORT || 9101)
const BARE = `http://127.0.0.1:${BARE_PORT}`
// The goals at 20 connections.
// The per-IP limit is on (as in production) but out of reach: its counting is part of the hit path.
process.env.RATE_LIMIT_PER_MINUTE ||= "999999999"
const GOAL_RATIO = 0.2
const GOAL_P99_MS = 20

// Headers each server sets itself on every answer.
const OWN_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length"])

/** The bare server: answers each path with the recorded status, headers and body; 304 on a matching If-None-Match. */
const BARE_SERVER = `
const http = require("node:http")
const answers = JSON.parse(process.env.ANSWERS)
for (const a of Object.values(answers)) a.body = Buffer.from(a.body, "base64")
http.createServer((req, res) => {
  const a = answers[req.url]
  if (!a) { res.statusCode = 404; return res.end() }
  if (a.etag && req.headers["if-none-match"] === a.etag) {
    res.writeHead(304, a.headers304)
    return res.end()
  }
  res.writeHead(a.status, a.headers)
  res.end(a.body)
}).listen(Number(process.env.PORT), "127.0.0.1", () => process.send("ready"))
`

async function record(path, headers = {}) {
  const res = await fetch(`${BASE}${path}`, { headers })
  const body = Buffer.from(await res.arrayBuffer())
  const kept = Object.fromEntries([...res.headers].filter(([name]) => !OWN_HEADERS.has(name)))
  return { status: res.status, headers: kept, body, etag: res.headers.get("etag") }
}

function startBare(answers) {
  const wire = {}
  for (const [path, a] of Object.entries(answers)) {
    const headers304 = { ...a.headers }
    delete headers304["content-type"]
    wire[path] = { ...a, body: a.body.toString("base64"), headers304 }
  }
  const child = spawn(process.execPath, ["-e", BARE_SERVER], {
    env: { ...process.env, PORT: String(BARE_PORT), ANSWERS: JSON.stringify(wire) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  })
  return new Promise((resolve, reject) => {
    child.once("message", () =>
      resolve({ pid: child.pid, stop: () => new Promise((r) => (child.kill("SIGTERM"), child.once("exit", r))) })
    )
    child.once("exit", (code) => reject(new Error(`the bare server exited (${code})`)))
  })
}

async function run(base, path, headers, expected, duration = DURATION) {
  const result = await autocannon({ url: `${base}${path}`, headers, connections: CONNECTIONS, duration })
  const counted = expected === 304 ? result["3xx"] : result["2xx"]
  const bad = result.requests.total - counted + result.errors + result.timeouts
  if (bad) log(`  warning: ${bad} answers other than ${expected} at ${base}${path}`)
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, bad }
}

async function main() {
  const profileDir = process.env.BENCH_CPU_PROF
  const shop = await startShop({
    products: PRODUCTS,
    // NODE_OPTIONS refuses --cpu-prof: a preloaded inspector session samples instead.
    serverNodeOptions: [
      profileDir ? `--require ${path.join(HERE, "lib", "cpu-profile.cjs")}` : "",
      // e.g. --max-semi-space-size=64, to compare V8 settings of the server.
      process.env.BENCH_SERVER_NODE_OPTIONS ?? "",
    ].join(" "),
  })
  let bare
  try {
    const list = "/api/v1/products?limit=20"
    const { data } = await (await fetch(`${BASE}${list}`)).json()
    const detail = `/api/v1/products/${data[0].id}`
    const search = "/api/v1/products/search?q=serum&limit=20"
    const cases = [
      { name: "list GET /api/v1/products?limit=20", path: list },
      { name: "detail GET /api/v1/products/:id", path: detail },
      { name: "search GET /api/v1/products/search?q=serum", path: search },
    ]
    // Fill the cache, then record each answer as the shop sends it.
    const answers = {}
    for (const c of cases) {
      await record(c.path)
      answers[c.path] = await record(c.path)
      if (answers[c.path].status !== 200) throw new Error(`${c.path} answered ${answers[c.path].status}`)
    }
    const etag = answers[list].etag
    cases.push({ name: "list, If-None-Match → 304", path: list, headers: { "if-none-match": etag }, expected: 304 })
    bare = await startBare(answers)
    const rssIdle = rssMb(shop.pid)

    // JIT and pools of both servers, shortly.
    for (const c of cases) {
      await run(BASE, c.path, c.headers, c.expected ?? 200, 2)
      await run(BARE, c.path, c.headers, c.expected ?? 200, 2)
    }
    if (profileDir) process.kill(shop.pid, "SIGUSR2")
    const rows = []
    for (const c of cases) {
      log(`${c.name}: ${DURATION} s at ${CONNECTIONS} connections, shop then bare ...`)
      const ours = await run(BASE, c.path, c.headers, c.expected ?? 200)
      const theirs = await run(BARE, c.path, c.headers, c.expected ?? 200)
      rows.push({ name: c.name, bytes: c.expected === 304 ? 0 : answers[c.path].body.length, ours, bare: theirs })
    }
    const rssAfter = rssMb(shop.pid)

    const lines = [
      `| answer | body bytes | shop req/s | shop p50 / p99 ms | bare req/s | bare p50 / p99 ms | shop / bare | goals (≥ ${GOAL_RATIO * 100}%, p99 < ${GOAL_P99_MS} ms) |`,
      "|---|---:|---:|---:|---:|---:|---:|---|",
      ...rows.map((r) => {
        const ratio = r.ours.rps / r.bare.rps
        const met = ratio >= GOAL_RATIO && r.ours.p99 < GOAL_P99_MS
        return `| ${r.name} | ${r.bytes} | ${r.ours.rps} | ${r.ours.p50} / ${r.ours.p99} | ${r.bare.rps} | ${r.bare.p50} / ${r.bare.p99} | ${(ratio * 100).toFixed(1)}% | ${met ? "met" : "missed"} |`
      }),
    ]
    console.log(`\n${lines.join("\n")}\n`)
    console.log(`connections: ${CONNECTIONS}, ${DURATION} s per measurement; server RSS idle ${rssIdle} MB, after the bench ${rssAfter} MB\n`)
    log(`Results saved to ${saveResults("cached-reads", { rows, rssIdle, rssAfter, connections: CONNECTIONS, duration: DURATION })}`)
  } finally {
    await bare?.stop()
    await shop.stop()
  }
}

main().catch((e) => {
  console.error(e.message ?? e)
  process.exit(1)
})

// Cart benchmark: /api/v1's cart writes and read beside Medusa's own /store
// routes for the same job, in one run on one server:
//   add      POST /api/v1/cart/:id/items        vs POST /store/carts/:id/line-items
//   update   PUT  /api/v1/cart/:id/items/:item  vs POST /store/carts/:id/line-items/:line
//   read     GET  /api/v1/cart/:id              vs GET  /store/carts/:id
// Each add puts one item into a fresh empty USD cart (one request per cart) and
// each update sets that line to 2, so both sides do the same work. Writes are
// measured unloaded (one connection) and at BENCH_CONNECTIONS; the whole round
// runs BENCH_REPEAT times on the same server, with its RSS after each round (a
// leak shows as growth from round to round).
//   npm run bench:cart     (BENCH_CARTS=200 BENCH_UNLOADED=40 BENCH_CONNECTIONS=10 BENCH_DURATION=5 BENCH_REPEAT=3)
//   BENCH_CPU_PROF=/tmp/prof BENCH_JOBS=add npm run bench:cart   a V8 CPU profile of the server during the adds
//   BENCH_LOG_QUERIES=/tmp/statements.log npm run bench:cart     also the text of every SQL statement, numbered
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { BASE, json, log, measure, rssMb, saveResults, startShop } from "./lib.mjs"
import { queryRows } from "../scripts/lib/postgres.mjs"

const CARTS = Number(process.env.BENCH_CARTS || 200)
const UNLOADED = Number(process.env.BENCH_UNLOADED || 40)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10)
const DURATION = Number(process.env.BENCH_DURATION || 5)
const REPEAT = Number(process.env.BENCH_REPEAT || 3)
const PROFILE = !!process.env.BENCH_CPU_PROF
// Which jobs the rounds measure (e.g. BENCH_JOBS=add for a profile of adds alone).
const JOBS = (process.env.BENCH_JOBS || "add,update,read").split(",")
// Carts per side on which the SQL statements of one request are counted (one request at a time).
const COUNTED = 10
const statementsFile = path.join(os.tmpdir(), `skinior-bench-statements-${process.pid}`)
process.env.BENCH_COUNT_QUERIES = statementsFile

/** The server's running count of SQL statements, once it has stopped moving (background work done). */
async function statementCount() {
  let last = -1
  for (;;) {
    await new Promise((r) => setTimeout(r, 300))
    const now = Number(fs.readFileSync(statementsFile, "utf8"))
    if (now === last) return now
    last = now
  }
}

/** SQL statements per request: `requests` (functions) run one at a time. */
async function statementsPer(requests) {
  const before = await statementCount()
  for (const request of requests) await request()
  const after = await statementCount()
  if (process.env.BENCH_LOG_QUERIES) log(`  statements ${before + 1} to ${after} in ${process.env.BENCH_LOG_QUERIES}`)
  return Math.round((after - before) / requests.length)
}

function roundRobin(ids, build) {
  let next = 0
  return [{ setupRequest: (req) => ({ ...req, ...build(ids[next++ % ids.length]) }) }]
}

async function makeCarts(label, count, create) {
  const ids = []
  for (let i = 0; i < count; i++) {
    ids.push(await create())
    if ((i + 1) % 100 === 0 || i + 1 === count) log(`  ${label}: ${i + 1}/${count} carts`)
  }
  return ids
}

const mean = (row) => row.mean

async function main() {
  const preload = (name) => `--require ${new URL(`./lib/${name}`, import.meta.url).pathname}`
  const shop = await startShop({
    serverNodeOptions: [preload("count-queries.cjs"), PROFILE ? preload("cpu-profile.cjs") : ""].join(" ").trim(),
  })
  try {
    const db = shop.env.DATABASE_URL
    const [{ token }] = await queryRows(db, "select token from api_key where type = 'publishable' and title = $1", [
      "Skinior Storefront",
    ])
    const [variant] = await queryRows(db, "select id, product_id from product_variant where sku = $1", ["SKN-SER-VC-30"])
    const [region] = await queryRows(db, "select id from region where currency_code = 'usd'")
    const storeHeaders = { "x-publishable-api-key": token }
    const jsonHeaders = { "content-type": "application/json" }
    const perSide = REPEAT * (CARTS + UNLOADED)

    // Every cart of every round is made first, so the rounds (and the profile) hold only the measured requests.
    log(`Creating ${perSide} carts on each side ...`)
    const apiCarts = await makeCarts("/api/v1", perSide, async () => (await json("POST", "/api/v1/cart", { currency: "USD" })).data.id)
    const storeCarts = await makeCarts(
      "/store",
      perSide,
      async () => (await json("POST", "/store/carts", { region_id: region.id }, storeHeaders)).cart.id
    )

    // Warm both paths (JIT, caches, pools) on carts the rounds do not use.
    const warmApi = await makeCarts("warm-up", 20, async () => (await json("POST", "/api/v1/cart", { currency: "USD" })).data.id)
    const warmStore = await makeCarts(
      "warm-up",
      20,
      async () => (await json("POST", "/store/carts", { region_id: region.id }, storeHeaders)).cart.id
    )
    const addBody = JSON.stringify({ productId: variant.product_id, variantId: variant.id, quantity: 1 })
    const storeAddBody = JSON.stringify({ variant_id: variant.id, quantity: 1 })
    const apiAdd = (id) => ({ method: "POST", path: `/api/v1/cart/${id}/items`, headers: jsonHeaders, body: addBody })
    const storeAdd = (id) => ({
      method: "POST",
      path: `/store/carts/${id}/line-items`,
      headers: { ...jsonHeaders, ...storeHeaders },
      body: storeAddBody,
    })
    const apiUpdateOf = (lines) => (id) => ({
      method: "PUT",
      path: `/api/v1/cart/${id}/items/${lines.get(id)}`,
      headers: jsonHeaders,
      body: JSON.stringify({ quantity: 2 }),
    })
    const storeUpdateOf = (lines) => (id) => ({
      method: "POST",
      path: `/store/carts/${id}/line-items/${lines.get(id)}`,
      headers: { ...jsonHeaders, ...storeHeaders },
      body: JSON.stringify({ quantity: 2 }),
    })
    const apiRead = (id) => ({ method: "GET", path: `/api/v1/cart/${id}` })
    const storeRead = (id) => ({ method: "GET", path: `/store/carts/${id}`, headers: storeHeaders })
    const lineOf = async (cartIds) =>
      new Map(
        (await queryRows(db, "select cart_id, id from cart_line_item where cart_id = any($1) and deleted_at is null", [cartIds])).map(
          (r) => [r.cart_id, r.id]
        )
      )
    await measure("warm-up", { amount: 20, connections: 2, requests: roundRobin(warmApi, apiAdd) })
    await measure("warm-up", { amount: 20, connections: 2, requests: roundRobin(warmStore, storeAdd) })
    log("Counting the SQL statements of one request on each side ...")
    const counted = {
      api: await makeCarts("counted", COUNTED, async () => (await json("POST", "/api/v1/cart", { currency: "USD" })).data.id),
      store: await makeCarts(
        "counted",
        COUNTED,
        async () => (await json("POST", "/store/carts", { region_id: region.id }, storeHeaders)).cart.id
      ),
    }
    const send = (build) => (id) => async () => {
      const { method, path: url, headers, body } = build(id)
      // autocannon writes its content-length into the header objects it was given.
      const sent = Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== "content-length"))
      const res = await fetch(`${BASE}${url}`, { method, headers: sent, body })
      if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${await res.text()}`)
      await res.arrayBuffer()
    }
    const statements = { add: {}, update: {}, read: {} }
    statements.add.api = await statementsPer(counted.api.map(send(apiAdd)))
    statements.add.store = await statementsPer(counted.store.map(send(storeAdd)))
    const countedApiLines = await lineOf(counted.api)
    const countedStoreLines = await lineOf(counted.store)
    statements.update.api = await statementsPer(counted.api.map(send(apiUpdateOf(countedApiLines))))
    statements.update.store = await statementsPer(counted.store.map(send(storeUpdateOf(countedStoreLines))))
    statements.read.api = await statementsPer(counted.api.map(send(apiRead)))
    statements.read.store = await statementsPer(counted.store.map(send(storeRead)))
    log(`SQL statements per request: ${JSON.stringify(statements)}`)

    const idleRss = rssMb(shop.pid)
    log(`Server RSS after warm-up: ${idleRss} MB`)
    if (PROFILE) process.kill(shop.pid, "SIGUSR2")

    const rounds = []
    for (let round = 0; round < REPEAT; round++) {
      log(`Round ${round + 1}/${REPEAT}`)
      const slice = (ids) => {
        const mine = ids.slice(round * (CARTS + UNLOADED), (round + 1) * (CARTS + UNLOADED))
        return { unloaded: mine.slice(0, UNLOADED), loaded: mine.slice(UNLOADED) }
      }
      const api = slice(apiCarts)
      const store = slice(storeCarts)
      const rows = []
      const pair = async (job, connections, apiIds, storeIds, apiBuild, storeBuild, size) => {
        if (!JOBS.includes(job)) return
        const run = (name, ids, build) =>
          measure(name, { ...size, connections, requests: roundRobin(ids, build) })
        const ours = await run(`${job} /api/v1, ${connections} conn`, apiIds, apiBuild)
        const theirs = await run(`${job} /store, ${connections} conn`, storeIds, storeBuild)
        rows.push({ job, connections, ours, theirs })
      }
      await pair("add", 1, api.unloaded, store.unloaded, apiAdd, storeAdd, { amount: UNLOADED })
      await pair("add", CONNECTIONS, api.loaded, store.loaded, apiAdd, storeAdd, { amount: CARTS })

      const apiLines = await lineOf([...api.unloaded, ...api.loaded])
      const storeLines = await lineOf([...store.unloaded, ...store.loaded])
      const apiUpdate = apiUpdateOf(apiLines)
      const storeUpdate = storeUpdateOf(storeLines)
      await pair("update", 1, api.unloaded, store.unloaded, apiUpdate, storeUpdate, { amount: UNLOADED })
      await pair("update", CONNECTIONS, api.loaded, store.loaded, apiUpdate, storeUpdate, { amount: CARTS })
      await pair(
        "read",
        CONNECTIONS,
        api.loaded,
        store.loaded,
        apiRead,
        storeRead,
        { duration: DURATION }
      )
      const rss = rssMb(shop.pid)
      log(`Server RSS after round ${round + 1}: ${rss} MB`)
      rounds.push({ rows, rss })
    }

    console.log(`\n${report(rounds, idleRss, statements)}\n`)
    log(`Results saved to ${saveResults("cart", { rounds, idleRss, statements, connections: CONNECTIONS, carts: CARTS, unloaded: UNLOADED })}`)
  } finally {
    await shop.stop()
    fs.rmSync(statementsFile, { force: true })
  }
}

const ratio = (a, b) => (b ? (a / b).toFixed(2) : "n/a")

function report(rounds, idleRss, statements) {
  const lines = [
    "| round | job | conn | /api/v1 req/s | /api/v1 mean / p50 / p99 ms | /store req/s | /store mean / p50 / p99 ms | mean latency /api/v1 ÷ /store |",
    "|---:|---|---:|---:|---:|---:|---:|---:|",
  ]
  rounds.forEach(({ rows }, i) => {
    for (const { job, connections, ours, theirs } of rows) {
      const bad = ours.non2xx || theirs.non2xx ? ` (non-2xx: ${ours.non2xx} / ${theirs.non2xx})` : ""
      lines.push(
        `| ${i + 1} | ${job} | ${connections} | ${ours.rps} | ${ours.mean} / ${ours.p50} / ${ours.p99} | ${theirs.rps} | ${theirs.mean} / ${theirs.p50} / ${theirs.p99} | ${ratio(mean(ours), mean(theirs))}${bad} |`
      )
    }
  })
  lines.push(
    "",
    `SQL statements per request (/api/v1 vs /store): ${Object.entries(statements)
      .map(([job, n]) => `${job} ${n.api} vs ${n.store}`)
      .join(", ")}.`
  )
  lines.push("", `Server RSS: ${idleRss} MB after warm-up; ${rounds.map((r, i) => `${r.rss} MB after round ${i + 1}`).join(", ")}.`)
  return lines.join("\n")
}

main().catch((e) => {
  console.error(e.message ?? e, e.cause ?? "")
  process.exit(1)
})

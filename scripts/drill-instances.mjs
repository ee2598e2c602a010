// `npm run drill:instances`: the production shape proven on one machine. Two
// servers and a worker (`medusa start`, MEDUSA_WORKER_MODE server/worker) on
// one PostgreSQL and one Redis, driven in parallel. Checks, each PASS/FAIL:
//   rate-limit counters shared (the 101st request across both servers is refused);
//   an Admin edit on one server is seen by both (cache invalidated), and the
//   catalogue is refreshed by the worker only;
//   SKN order numbers placed through both servers at once are unique and gapless;
//   holds on scarce stock through both servers never exceed the stock;
//   scheduled jobs run once a minute, in the worker only.
// Exit code 1 on any FAIL. Figures go to bench/results/drill-instances-*.json.
import { byStatus, check, log, queryRows, request, startCluster, reportDrill } from "./lib/cluster.mjs"
import { jordanAddress, prepareCarts, signInAdmin, setStock } from "./lib/drill-shop.mjs"

const RATE = 100
const ORDERS = Number(process.env.DRILL_ORDERS || 20)
const HOLD_STOCK = 5
const HOLDERS = 16
// Scheduled jobs run every minute: watch two minutes' boundaries at least.
const JOB_WATCH_MS = Number(process.env.DRILL_JOB_WATCH_MS || 65_000)

async function main() {
  const startedAt = Date.now()
  const results = []
  const figures = {}
  const cluster = await startCluster({
    name: "skinior_drill_instances",
    env: {
      RATE_LIMIT_PER_MINUTE: String(RATE),
      AUTH_RATE_LIMIT_PER_MINUTE: "0",
      // Each simulated shopper comes through the "proxy" with its own address.
      TRUST_PROXY: "loopback",
    },
  })
  const [a, b] = cluster.servers
  const db = cluster.env.DATABASE_URL
  let shopper = 0
  const ipHeader = () => ({ "x-forwarded-for": `198.51.100.${(shopper++ % 250) + 1}` })
  try {
    const watchFrom = Date.now()
    const admin = await signInAdmin(cluster)

    // 1. Rate limits: one client address, half its requests to each server.
    const client = { "x-forwarded-for": "203.0.113.7" }
    const first = await Promise.all(
      Array.from({ length: RATE }, (_, i) => request(i % 2 ? b.base : a.base, "GET", "/api/v1/products?limit=1", { headers: client }))
    )
    const over = await Promise.all([a, b].map((s) => request(s.base, "GET", "/api/v1/products?limit=1", { headers: client })))
    figures.rateLimit = { first: byStatus(first), over: over.map((r) => r.status), retryAfter: over[0].headers?.get("retry-after") }
    check(
      results,
      "rate-limit counters shared by both servers (100 pass, the next ones 429 on either)",
      first.every((r) => r.status === 200) && over.every((r) => r.status === 429),
      figures.rateLimit
    )

    // 2. Cache invalidation seen by both after an Admin edit; refreshed by the worker alone.
    const [product] = await queryRows(db, "select id, title from product where deleted_at is null order by created_at limit 1")
    const readTitle = async (server) => (await request(server.base, "GET", `/api/v1/products/${product.id}?currency=JOD`, { headers: ipHeader() })).body?.data?.name
    await Promise.all([readTitle(a), readTitle(b), readTitle(a), readTitle(b)]) // both cached now
    const refreshLinesBefore = [a, b, cluster.worker].map((p) => p.lines.filter((l) => /^Catalogue refreshed/.test(l.message ?? "")).length)
    const newTitle = `${product.title} (drill ${Date.now() % 100000})`
    const edit = await request(a.base, "POST", `/admin/products/${product.id}`, { body: { title: newTitle }, headers: admin })
    const editedAt = Date.now()
    const seenAfter = {}
    await Promise.all(
      [a, b].map(async (server) => {
        while (Date.now() - editedAt < 20_000) {
          if ((await readTitle(server)) === newTitle) {
            seenAfter[server.name] = Date.now() - editedAt
            return
          }
          await new Promise((r) => setTimeout(r, 100))
        }
      })
    )
    await new Promise((r) => setTimeout(r, 1000))
    const refreshLines = [a, b, cluster.worker].map(
      (p, i) => p.lines.filter((l) => /^Catalogue refreshed/.test(l.message ?? "")).length - refreshLinesBefore[i]
    )
    figures.cache = { edit: edit.status, seenAfterMs: seenAfter, refreshes: { "server-a": refreshLines[0], "server-b": refreshLines[1], worker: refreshLines[2] } }
    check(results, "an Admin edit through server A is seen by both servers", edit.status === 200 && seenAfter["server-a"] !== undefined && seenAfter["server-b"] !== undefined, figures.cache)
    check(results, "the catalogue is refreshed by the worker, not by the servers", refreshLines[0] === 0 && refreshLines[1] === 0 && refreshLines[2] >= 1, figures.cache.refreshes)

    // 3. SKN numbers through both servers at once.
    const [variant] = await queryRows(
      db,
      "select v.id, v.product_id from product_variant v where v.sku = $1 and v.deleted_at is null",
      ["SKN-TON-RW-100"]
    )
    await setStock(cluster, admin, variant.id, 100_000)
    const [{ max: before }] = await queryRows(db, "select coalesce(max(last_value), 0)::int as max from order_number_counter where deleted_at is null")
    const carts = await prepareCarts([a, b], variant, ORDERS, ipHeader)
    const orders = await Promise.all(
      carts.map((cartId, i) =>
        request(i % 2 ? b.base : a.base, "POST", "/api/v1/orders", {
          headers: ipHeader(),
          body: { cartId, shippingAddress: jordanAddress("drill-numbers@example.com"), shippingMethod: "standard", paymentMethod: "cash_on_delivery" },
          timeoutMs: 120_000,
        })
      )
    )
    const numbers = orders.filter((o) => o.status === 201).map((o) => Number(o.body.data.orderNumber.split("-")[2])).sort((x, y) => x - y)
    figures.orderNumbers = { statuses: byStatus(orders), first: numbers[0], last: numbers.at(-1), before }
    check(
      results,
      `${ORDERS} orders through both servers at once: SKN numbers unique and gapless`,
      numbers.length === ORDERS && new Set(numbers).size === ORDERS && numbers.every((n, i) => n === before + i + 1),
      figures.orderNumbers
    )

    // 4. Holds on scarce stock through both servers.
    const [scarce] = await queryRows(
      db,
      "select v.id, v.product_id from product_variant v where v.sku = $1 and v.deleted_at is null",
      ["SKN-SER-VC-30"]
    )
    await setStock(cluster, admin, scarce.id, HOLD_STOCK)
    const holdCarts = await prepareCarts([a, b], scarce, HOLDERS, ipHeader)
    const holds = await Promise.all(
      holdCarts.map((cartId, i) =>
        request(i % 2 ? b.base : a.base, "POST", "/api/v1/inventory/reserve", {
          headers: ipHeader(),
          body: { cartId, items: [{ productId: scarce.product_id, variantId: scarce.id, quantity: 1 }] },
          timeoutMs: 120_000,
        })
      )
    )
    const [{ reserved }] = await queryRows(
      db,
      `select coalesce(sum(r.quantity), 0)::int as reserved
         from reservation_item r
         join product_variant_inventory_item l on l.inventory_item_id = r.inventory_item_id and l.deleted_at is null
        where l.variant_id = $1 and r.deleted_at is null`,
      [scarce.id]
    )
    figures.holds = { stock: HOLD_STOCK, holders: HOLDERS, statuses: byStatus(holds), reserved }
    check(
      results,
      `${HOLDERS} holds on ${HOLD_STOCK} in stock through both servers: ${HOLD_STOCK} held, the rest 409, reservations = ${HOLD_STOCK}`,
      holds.filter((h) => h.status === 201).length === HOLD_STOCK &&
        holds.filter((h) => h.status === 409).length === HOLDERS - HOLD_STOCK &&
        reserved === HOLD_STOCK,
      figures.holds
    )

    // 5. Scheduled jobs: once a minute, in the worker only.
    const waitMs = Math.max(0, JOB_WATCH_MS - (Date.now() - watchFrom))
    if (waitMs) log(`Watching scheduled jobs for ${Math.round(waitMs / 1000)} s more ...`)
    await new Promise((r) => setTimeout(r, waitMs))
    const jobRuns = (p) => p.lines.filter((l) => /^Job release-expired-holds ran/.test(l.message ?? ""))
    const workerRuns = jobRuns(cluster.worker)
    const minutes = workerRuns.map((l) => String(l.timestamp).slice(0, 16))
    figures.jobs = { "server-a": jobRuns(a).length, "server-b": jobRuns(b).length, worker: workerRuns.length, minutes }
    check(
      results,
      "the every-minute job ran in the worker only, once per minute",
      jobRuns(a).length === 0 && jobRuns(b).length === 0 && workerRuns.length >= 1 && new Set(minutes).size === minutes.length,
      figures.jobs
    )
  } finally {
    await cluster.stop()
  }
  reportDrill("drill-instances", startedAt, results, figures)
}

main().catch((e) => {
  console.error(e.message ?? e)
  process.exit(1)
})

// `npm run drill:faults`: the two-instance shop (two servers, a worker) on its
// own embedded PostgreSQL and its own Redis, put through three faults, each
// bounded in time and checked (PASS/FAIL, exit code 1 on any FAIL):
//   1. kill -9 of a server in the middle of 20 parallel checkouts;
//   2. PostgreSQL stopped and started again under load;
//   3. Redis stopped and started again under load.
// Figures (requests, answers by status, recovery times, orders and
// reservations) go to bench/results/drill-faults-*.json; docs/reliability.md
// explains them.
import { byStatus, check, log, queryRows, request, startCluster, reportDrill } from "./lib/cluster.mjs"
import { jordanAddress, prepareCarts, setStock, signInAdmin } from "./lib/drill-shop.mjs"

const CHECKOUTS = 20
const OUTAGE_MS = Number(process.env.DRILL_OUTAGE_MS || 8000)
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** Steady traffic on both servers until stop(): each sample is { at, server, kind, status, ms }. */
function startLoad(cluster, kinds, concurrency = 4) {
  const samples = []
  let running = true
  const loops = Array.from({ length: concurrency }, async (_, i) => {
    let n = 0
    // Each loop keeps to one kind of request, so a stuck write never hides the reads.
    const kind = kinds[i % kinds.length]
    while (running) {
      const server = cluster.servers[(i + n++) % 2]
      const at = Date.now()
      const answer = await kind.run(server, `10.0.${i}.${n % 250}`)
      samples.push({ at, server: server.name, kind: kind.name, status: answer.status, ms: answer.ms, code: answer.body?.error?.code ?? answer.body?.code })
      if (answer.status === "network") await sleep(100)
    }
  })
  return {
    samples,
    async stop() {
      running = false
      await Promise.all(loops)
    },
  }
}

const reads = {
  name: "catalogue read",
  run: (server, ip) => request(server.base, "GET", "/api/v1/products?limit=5&currency=JOD", { headers: { "x-forwarded-for": ip }, timeoutMs: 15_000 }),
}
const writes = {
  name: "cart create",
  run: (server, ip) => request(server.base, "POST", "/api/v1/cart", { body: { currency: "JOD" }, headers: { "x-forwarded-for": ip }, timeoutMs: 15_000 }),
}

function summarise(samples, from, to) {
  const inWindow = samples.filter((s) => s.at >= from && s.at < to)
  const out = {}
  for (const kind of new Set(inWindow.map((s) => s.kind))) {
    const mine = inWindow.filter((s) => s.kind === kind)
    out[kind] = { requests: mine.length, statuses: byStatus(mine), slowestMs: Math.max(0, ...mine.map((s) => s.ms)) }
  }
  return out
}

async function reservationsOf(db, variantId) {
  const [{ reserved }] = await queryRows(
    db,
    `select coalesce(sum(r.quantity), 0)::int as reserved
       from reservation_item r
       join product_variant_inventory_item l on l.inventory_item_id = r.inventory_item_id and l.deleted_at is null
      where l.variant_id = $1 and r.deleted_at is null`,
    [variantId]
  )
  return reserved
}

async function killDuringCheckouts(cluster, admin, results, figures) {
  const db = cluster.env.DATABASE_URL
  const [a, b] = cluster.servers
  const [variant] = await queryRows(db, "select id, product_id from product_variant where sku = $1 and deleted_at is null", ["SKN-TON-RW-100"])
  await setStock(cluster, admin, variant.id, 1000)
  const carts = await prepareCarts([a, b], variant, CHECKOUTS, () => ({ "x-forwarded-for": "10.1.0.1" }))
  // Each shopper holds the unit first, as the storefront does.
  for (const cartId of carts) {
    const hold = await request(a.base, "POST", "/api/v1/inventory/reserve", {
      body: { cartId, items: [{ productId: variant.product_id, variantId: variant.id, quantity: 1 }] },
      headers: { "x-forwarded-for": "10.1.0.2" },
    })
    if (hold.status !== 201) throw new Error(`A hold answered ${hold.status}: ${hold.text}`)
  }
  const reservedBefore = await reservationsOf(db, variant.id)
  const place = (server, cartId) =>
    request(server.base, "POST", "/api/v1/orders", {
      body: { cartId, shippingAddress: jordanAddress("drill-faults@example.com"), shippingMethod: "standard", paymentMethod: "cash_on_delivery" },
      headers: { "x-forwarded-for": "10.1.0.3" },
      timeoutMs: 120_000,
    })
  const killAfterMs = Number(process.env.DRILL_KILL_AFTER_MS || 1500)
  log(`Fault 1: ${CHECKOUTS} checkouts at once, half on each server; kill -9 of ${a.name} after ${killAfterMs} ms ...`)
  const first = Promise.all(carts.map((cartId, i) => place(i % 2 ? b : a, cartId)))
  await sleep(killAfterMs)
  a.child.kill("SIGKILL")
  const killedAt = Date.now()
  // The other instance keeps serving while its peer is dead.
  const during = await Promise.all(
    Array.from({ length: 10 }, () => request(b.base, "GET", "/api/v1/products?limit=5&currency=JOD", { headers: { "x-forwarded-for": "10.1.0.4" } }))
  )
  const answers = await first
  // A shopper whose request died retries (every 2 s, for up to 90 s); the cart
  // either is an order already or becomes one now. The dead server's cart locks
  // free themselves when their lease (15 s) runs out.
  const retried = await Promise.all(
    carts.map(async (cartId, i) => {
      if (answers[i].status === 201) return null
      const tries = []
      for (let t = 0; t < 45; t++) {
        const answer = await place(b, cartId)
        tries.push({ status: answer.status, code: answer.body?.error?.code, afterMs: Date.now() - killedAt })
        if (answer.status === 201 || (answer.status === 409 && /already/i.test(answer.body?.error?.message ?? ""))) break
        await sleep(2000)
      }
      return { cartId, answer: tries.at(-1), tries }
    })
  )
  log(`Fault 1: restarting ${a.name} ...`)
  const restartStarted = Date.now()
  await cluster.restartServer(0)
  const restartSeconds = (Date.now() - restartStarted) / 1000
  const perCart = await queryRows(
    db,
    `select c.id as cart_id, count(oc.order_id)::int as orders
       from cart c left join order_cart oc on oc.cart_id = c.id and oc.deleted_at is null
      where c.id = any($1) group by c.id`,
    [carts]
  )
  const [{ held }] = await queryRows(
    db,
    "select count(*)::int as held from inventory_hold where cart_id = any($1) and deleted_at is null",
    [carts]
  ).catch(() => [{ held: null }])
  const [{ ordered }] = await queryRows(
    db,
    `select coalesce(sum(oi.quantity), 0)::int as ordered
       from order_cart oc
       join "order" o on o.id = oc.order_id and o.deleted_at is null
       join order_item oi on oi.order_id = o.id and oi.deleted_at is null
       join order_line_item li on li.id = oi.item_id and li.variant_id = $2
      where oc.cart_id = any($1) and oc.deleted_at is null`,
    [carts, variant.id]
  )
  const reservedAfter = await reservationsOf(db, variant.id)
  figures.kill = {
    checkouts: CHECKOUTS,
    killedAfterMs: killAfterMs,
    firstAnswers: byStatus(answers),
    peerWhileDead: byStatus(during),
    retries: byStatus(retried.filter(Boolean).map((r) => r.answer)),
    retryAnswers: byStatus(retried.filter(Boolean).flatMap((r) => r.tries.map((t) => ({ status: `${t.status} ${t.code ?? ""}`.trim() })))),
    lastRetrySucceededAfterMs: Math.max(0, ...retried.filter(Boolean).map((r) => r.answer.afterMs)),
    cartsWithOneOrder: perCart.filter((c) => c.orders === 1).length,
    cartsWithMoreThanOneOrder: perCart.filter((c) => c.orders > 1).length,
    unitsOrdered: ordered,
    reservedBefore,
    reservedAfter,
    holdsLeft: held,
    restartSeconds,
    killedAt: new Date(killedAt).toISOString(),
  }
  check(results, "kill -9: no cart became two orders", figures.kill.cartsWithMoreThanOneOrder === 0, figures.kill)
  check(results, "kill -9: after retries every cart is exactly one order", figures.kill.cartsWithOneOrder === CHECKOUTS)
  check(results, "kill -9: the surviving server kept serving", during.every((r) => r.status === 200), figures.kill.peerWhileDead)
  check(results, "kill -9: reservations equal units ordered (no unit held by a dead request)", reservedAfter === ordered, { reservedAfter, ordered })
}

async function restartPostgres(cluster, results, figures) {
  const pg = cluster.db.pg
  const load = startLoad(cluster, [reads, writes], 6)
  await sleep(3000)
  log(`Fault 2: stopping PostgreSQL for ${OUTAGE_MS / 1000} s under load ...`)
  const downAt = Date.now()
  await pg.stop()
  await sleep(OUTAGE_MS)
  await pg.start()
  const upAt = Date.now()
  log("Fault 2: PostgreSQL is back; waiting for the shop to recover ...")
  let recoveredAt
  while (Date.now() - upAt < 60_000) {
    const answers = await Promise.all(cluster.servers.map((s) => writes.run(s, "10.2.0.1")))
    if (answers.every((r) => r.status === 201)) {
      recoveredAt = Date.now()
      break
    }
    await sleep(200)
  }
  await sleep(2000)
  await load.stop()
  const outage = summarise(load.samples, downAt, upAt)
  const all = load.samples
  figures.postgres = {
    outageMs: upAt - downAt,
    before: summarise(all, 0, downAt),
    during: outage,
    after: summarise(all, recoveredAt ?? upAt, Date.now()),
    recoverySeconds: recoveredAt ? (recoveredAt - upAt) / 1000 : null,
  }
  // Every request that overlapped the outage: answered (no hang), and either served or refused with a clear 503.
  const overlapping = all.filter((x) => x.at < upAt && x.at + x.ms > downAt)
  const unclear = overlapping.filter((x) => ![200, 201, 503].includes(x.status) || (x.status === 503 && x.code !== "SERVICE_UNAVAILABLE"))
  const slowest = Math.max(0, ...overlapping.map((x) => x.ms))
  figures.postgres.overlapping = { requests: overlapping.length, statuses: byStatus(overlapping), slowestMs: slowest }
  check(
    results,
    "PostgreSQL down: every request answered within 15 s, served or 503 SERVICE_UNAVAILABLE (no 500, no hang)",
    overlapping.some((x) => x.status === 503) && unclear.length === 0 && slowest < 15_000,
    figures.postgres.overlapping
  )
  check(results, "PostgreSQL back: both servers serve writes again within 30 s", recoveredAt !== undefined && recoveredAt - upAt < 30_000, { recoverySeconds: figures.postgres.recoverySeconds })
}

async function stopRedis(cluster, results, figures) {
  const load = startLoad(cluster, [reads, writes], 6)
  await sleep(3000)
  const before = cluster.servers.map((s) => s.lines.length)
  log(`Fault 3: stopping Redis for ${OUTAGE_MS / 1000} s under load ...`)
  const downAt = Date.now()
  await cluster.redis.stop()
  await sleep(Math.min(3000, OUTAGE_MS))
  const health = await request(cluster.servers[0].base, "GET", "/api/v1/health", { timeoutMs: 10_000 })
  await sleep(Math.max(0, OUTAGE_MS - 3000))
  await cluster.redis.start()
  const upAt = Date.now()
  let recoveredAt
  while (Date.now() - upAt < 60_000) {
    const answers = await Promise.all(cluster.servers.map((s) => request(s.base, "GET", "/api/v1/health")))
    const writesOk = await Promise.all(cluster.servers.map((s) => writes.run(s, "10.3.0.1")))
    if (answers.every((r) => r.status === 200) && writesOk.every((r) => r.status === 201)) {
      recoveredAt = Date.now()
      break
    }
    await sleep(200)
  }
  await sleep(2000)
  await load.stop()
  const warnings = cluster.servers.flatMap((s, i) => s.lines.slice(before[i])).filter((l) => l.level === "warn")
  const limiterWarnings = warnings.filter((l) => /rate limit/i.test(l.message ?? ""))
  const created = load.samples.filter((s) => s.kind === "cart create" && s.status === 201).length
  const [{ carts }] = await queryRows(cluster.env.DATABASE_URL, "select count(*)::int as carts from cart")
  const readsDuring = load.samples.filter((s) => s.at >= downAt && s.at < upAt && s.kind === "catalogue read")
  figures.redis = {
    outageMs: upAt - downAt,
    during: summarise(load.samples, downAt, upAt),
    after: summarise(load.samples, recoveredAt ?? upAt, Date.now()),
    health: { status: health.status, body: health.body },
    limiterWarnings: limiterWarnings.length,
    recoverySeconds: recoveredAt ? (recoveredAt - upAt) / 1000 : null,
    cartsAcknowledged: created,
    cartsInDatabase: carts,
  }
  // Writes go through Redis (locks, events, workflow engine): they wait for it rather than fail.
  const overlapping = load.samples.filter((x) => x.at < upAt && x.at + x.ms > downAt)
  for (const kind of ["catalogue read", "cart create"]) {
    const mine = overlapping.filter((x) => x.kind === kind)
    figures.redis[`overlapping ${kind}`] = { requests: mine.length, statuses: byStatus(mine), slowestMs: Math.max(0, ...mine.map((x) => x.ms)) }
  }
  check(results, "Redis down: catalogue reads still answer 200 from the database", readsDuring.length > 0 && readsDuring.every((s) => s.status === 200), figures.redis.during)
  check(results, "Redis down: /api/v1/health answers 503 with redis \"down\"", health.status === 503 && JSON.stringify(health.body).includes('"down"'), figures.redis.health)
  check(results, "Redis down: rate limits fail open with a logged warning", limiterWarnings.length > 0, { limiterWarnings: limiterWarnings.length })
  check(results, "Redis back: health 200 and writes served within 30 s", recoveredAt !== undefined && recoveredAt - upAt < 30_000, { recoverySeconds: figures.redis.recoverySeconds })
  check(results, "nothing acknowledged is lost: every cart answered 201 is in the database", carts >= created, { created, carts })
}

async function main() {
  const startedAt = Date.now()
  const results = []
  const figures = {}
  const cluster = await startCluster({
    name: "skinior_drill_faults",
    ownPostgres: true,
    basePort: 9310,
    env: {
      // Limits stay on (the Redis fault checks they fail open) but high enough not to refuse the drill's own traffic.
      RATE_LIMIT_PER_MINUTE: "100000",
      AUTH_RATE_LIMIT_PER_MINUTE: "0",
      TRUST_PROXY: "loopback",
    },
  })
  try {
    const admin = await signInAdmin(cluster)
    await killDuringCheckouts(cluster, admin, results, figures)
    await restartPostgres(cluster, results, figures)
    await stopRedis(cluster, results, figures)
  } finally {
    await cluster.stop()
  }
  reportDrill("drill-faults", startedAt, results, figures)
}

main().catch((e) => {
  console.error(e.message ?? e)
  process.exit(1)
})

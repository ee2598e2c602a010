// Checkout load test: N shoppers at once, each going through the whole checkout on
// /api/v1 as a storefront would (guest in Amman, cash on delivery):
//   browse      GET  /api/v1/products?currency=JOD&inStock=true
//   cart        POST /api/v1/cart
//   add item    POST /api/v1/cart/:id/items          (one unit of a product seen while browsing)
//   hold        POST /api/v1/inventory/reserve
//   quote       POST /api/v1/checkout/shipping
//   order       POST /api/v1/orders                   (standard delivery, cash on delivery)
//   confirm     POST /api/v1/orders/:id/payment       (cash_on_delivery)
// Each level (BENCH_SHOPPERS, default "20,50") runs on the same server after one
// warm-up checkout; every shopper repeats the flow BENCH_ROUNDS times (default 2)
// and stops a flow at its first failed step. Shoppers spread over the first page's
// products, whose stock is topped up first (through Medusa's Admin API), so the run
// measures speed and not sold-out 409s; any 409 is still counted by step and status.
//   npm run bench:checkout
//   BENCH_SHOPPERS=50 BENCH_ROUNDS=3 npm run bench:checkout
import { BASE, json, log, rssMb, saveResults, setStock, startShop } from "./lib.mjs"

const STEPS = ["browse", "cart", "add item", "hold", "quote", "order", "confirm"]
const STOCK = 100_000
const PROGRESS_MS = 5_000
// Only ever seals the bench database's made-up shoppers.
const BENCH_PII_KEY = "skinior-bench-only-pii-key-for-made-up-shoppers"

function positiveInts(name, fallback) {
  const raw = process.env[name] || fallback
  const values = raw.split(",").map((v) => Number(v.trim()))
  if (!values.every((v) => Number.isInteger(v) && v > 0 && v <= 500)) {
    throw new Error(`${name} must be whole numbers from 1 to 500 separated by commas, not "${raw}".`)
  }
  return values
}
const LEVELS = positiveInts("BENCH_SHOPPERS", "20,50")
const [ROUNDS] = positiveInts("BENCH_ROUNDS", "2")

const address = (email) => ({
  firstName: "Lina",
  lastName: "Haddad",
  email,
  phone: "+962791234567",
  country: "JO",
  city: "Amman",
  governorate: "Amman",
  street: "Queen Rania Street",
})

/** One request of a step, timed to the end of its body; never throws. */
async function call(method, path, body) {
  const started = performance.now()
  try {
    const res = await fetch(`${BASE}${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const data = await res.json().catch(() => null)
    return { status: res.status, ok: res.ok, data, ms: performance.now() - started }
  } catch (e) {
    return { status: `network (${e.cause?.code ?? e.name})`, ok: false, data: null, ms: performance.now() - started }
  }
}

/** Figures of one level: latencies of successful answers per step, failures by step and status. */
function newStats() {
  return { ms: Object.fromEntries(STEPS.map((s) => [s, []])), failures: new Map(), requests: 0, flows: 0 }
}

/** One shopper's checkout; answers whether it reached a confirmed order. */
async function checkout(stats, shopper, round, tag) {
  const step = async (name, method, path, body) => {
    const res = await call(method, path, body)
    stats.requests++
    if (res.ok) {
      stats.ms[name].push(res.ms)
      return res.data
    }
    const key = `${name} → ${res.status}${res.status === 409 ? " (conflict: stock or lock)" : ""}`
    stats.failures.set(key, (stats.failures.get(key) ?? 0) + 1)
    return null
  }
  const list = await step("browse", "GET", "/api/v1/products?currency=JOD&inStock=true")
  const products = list?.data?.filter((p) => p.variants?.some((v) => v.inventoryCount > 0)) ?? []
  if (!products.length) return false
  // Shoppers spread over the page, so holds do not all queue on one item's lock.
  const product = products[(shopper + round) % products.length]
  const variant = product.variants.find((v) => v.inventoryCount > 0)
  const item = { productId: product.id, variantId: variant.id, quantity: 1 }

  const cart = await step("cart", "POST", "/api/v1/cart", { currency: "JOD" })
  if (!cart) return false
  const cartId = cart.data.id
  if (!(await step("add item", "POST", `/api/v1/cart/${cartId}/items`, item))) return false
  if (!(await step("hold", "POST", "/api/v1/inventory/reserve", { cartId, items: [item] }))) return false
  const shippingAddress = address(`shopper-${tag}-${shopper}-${round}@bench.example`)
  if (!(await step("quote", "POST", "/api/v1/checkout/shipping", { cartId, shippingAddress }))) return false
  const order = await step("order", "POST", "/api/v1/orders", {
    cartId,
    shippingAddress,
    shippingMethod: "standard",
    paymentMethod: "cash_on_delivery",
  })
  if (!order) return false
  const paid = await step("confirm", "POST", `/api/v1/orders/${order.data.id}/payment`, { paymentMethod: "cash_on_delivery" })
  if (!paid) return false
  stats.flows++
  return true
}

/** Nearest-rank percentile of a list of milliseconds. */
function percentile(values, p) {
  if (!values.length) return null
  const sorted = [...values].sort((a, b) => a - b)
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)])
}

async function runLevel(shoppers, pid, tag) {
  const stats = newStats()
  const rssBefore = rssMb(pid)
  const total = shoppers * ROUNDS
  log(`${shoppers} shoppers × ${ROUNDS} checkouts (${total} flows, ${total * STEPS.length} requests if all succeed) ...`)
  const started = performance.now()
  const progress = setInterval(() => {
    const failed = [...stats.failures.values()].reduce((a, b) => a + b, 0)
    const s = ((performance.now() - started) / 1000).toFixed(0)
    log(`  ${s} s: ${stats.flows}/${total} checkouts done, ${stats.requests} requests, ${failed} failed, RSS ${rssMb(pid)} MB`)
  }, PROGRESS_MS)
  try {
    await Promise.all(
      Array.from({ length: shoppers }, async (_, shopper) => {
        for (let round = 0; round < ROUNDS; round++) await checkout(stats, shopper, round, tag)
      })
    )
  } finally {
    clearInterval(progress)
  }
  const seconds = (performance.now() - started) / 1000
  return {
    shoppers,
    rounds: ROUNDS,
    seconds: Number(seconds.toFixed(1)),
    checkouts: stats.flows,
    attempted: total,
    checkoutsPerMinute: Number(((stats.flows / seconds) * 60).toFixed(1)),
    requestsPerSecond: Number((stats.requests / seconds).toFixed(1)),
    steps: STEPS.map((name) => ({
      step: name,
      ok: stats.ms[name].length,
      p50: percentile(stats.ms[name], 50),
      p99: percentile(stats.ms[name], 99),
    })),
    failures: Object.fromEntries(stats.failures),
    rssBefore,
    rssAfter: rssMb(pid),
  }
}

function printLevel(r) {
  const lines = [
    `\n${r.shoppers} shoppers, ${r.rounds} checkouts each: ${r.checkouts}/${r.attempted} completed in ${r.seconds} s ` +
      `(${r.checkoutsPerMinute} checkouts/min, ${r.requestsPerSecond} req/s); server RSS ${r.rssBefore} → ${r.rssAfter} MB`,
    "| step | ok | p50 ms | p99 ms |",
    "|---|---:|---:|---:|",
    ...r.steps.map((s) => `| ${s.step} | ${s.ok} | ${s.p50 ?? "-"} | ${s.p99 ?? "-"} |`),
    Object.keys(r.failures).length
      ? `failures: ${Object.entries(r.failures).map(([k, v]) => `${k}: ${v}`).join("; ")}`
      : "failures: none",
  ]
  console.log(lines.join("\n"))
}

/** Enough stock on every variant of the first page that no shopper meets a sold-out 409. */
async function topUpStock(db) {
  const { data: products } = await json("GET", "/api/v1/products?currency=JOD&limit=20")
  const count = await setStock(db, products.flatMap((p) => p.variants.map((v) => v.sku)), STOCK)
  log(`Stock of ${count} variants on the first page set to ${STOCK} (reserved units stay reserved).`)
}

async function main() {
  // `medusa start` runs as production, which refuses missing secrets. bench/lib.mjs
  // gives the signing secrets throwaway values; the PII key must stay the same from
  // one run to the next, since the bench database keeps what it sealed.
  process.env.PII_ENCRYPTION_KEY ||= BENCH_PII_KEY
  const shop = await startShop({ database: "skinior_bench_checkout" })
  try {
    await topUpStock(shop.env.DATABASE_URL)
    const tag = Date.now().toString(36)
    log("Warm-up: one checkout ...")
    const warm = newStats()
    if (!(await checkout(warm, 0, 0, `${tag}-warm`))) {
      throw new Error(`The warm-up checkout failed: ${JSON.stringify(Object.fromEntries(warm.failures))}`)
    }
    const results = []
    for (const shoppers of LEVELS) {
      const result = await runLevel(shoppers, shop.pid, tag)
      printLevel(result)
      results.push(result)
    }
    log(`Results saved to ${saveResults("checkout-load", { results })}`)
  } finally {
    await shop.stop()
  }
}

main().catch((e) => {
  console.error(e.message ?? e)
  process.exit(1)
})

// Orders benchmark: POST /api/v1/orders beside Medusa's /store for the same job
// (one toner, Amman, standard delivery, cash on delivery), in one run on one server,
// unloaded (one order at a time) and at BENCH_CONNECTIONS orders at once:
//   - POST /api/v1/orders on a cart holding only its item: the route gives the cart its
//     email and addresses, picks the delivery, makes the payment session and completes;
//   - Medusa's POST /store/carts/:id/complete on a cart prepared beforehand (the issue's
//     yardstick: the completion alone);
//   - the whole /store checkout a js-sdk storefront makes for the same job, timed from its
//     first request to its last: cart update (email, address), shipping options, shipping
//     method, payment collection, payment session, complete.
//   npm run bench:orders      (BENCH_ORDERS=30 per measurement, BENCH_CONNECTIONS=5)
import { json, log, rssMb, saveResults, setStock, startShop, table } from "./lib.mjs"
import { queryRows } from "../scripts/lib/postgres.mjs"

const ORDERS = Number(process.env.BENCH_ORDERS || 30)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 5)

async function prepare(count, label, make) {
  const ids = []
  for (let i = 0; i < count; i++) {
    ids.push(await make(i))
    if ((i + 1) % 25 === 0) log(`  ${label}: ${i + 1}/${count} carts ready`)
  }
  return ids
}

/** Runs `jobs` (async functions) `connections` at a time; answers each job's latency in ms. */
async function timed(jobs, connections) {
  const latencies = []
  let next = 0
  let failed = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++]
        const t = performance.now()
        try {
          await job()
          latencies.push(performance.now() - t)
        } catch (e) {
          failed++
          log(`  failed: ${e.message}`)
        }
      }
    })
  )
  const seconds = (performance.now() - started) / 1000
  const sorted = [...latencies].sort((x, y) => x - y)
  const at = (q) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0)
  return {
    requests: jobs.length,
    non2xx: failed,
    rps: Math.round((latencies.length / seconds) * 10) / 10,
    mean: Math.round(latencies.reduce((x, y) => x + y, 0) / Math.max(1, latencies.length)),
    p50: at(0.5),
    p99: at(0.99),
  }
}

async function main() {
  const shop = await startShop()
  try {
    const db = shop.env.DATABASE_URL
    const [{ token }] = await queryRows(db, "select token from api_key where type = 'publishable' and title = $1", [
      "Skinior Storefront",
    ])
    const [variant] = await queryRows(db, "select id, product_id from product_variant where sku = $1", ["SKN-TON-RW-100"])
    const [region] = await queryRows(db, "select id from region where currency_code = 'jod'")
    // Plenty of stock: no order meets a sold-out 409, and none queues behind others for the last units.
    await setStock(db, ["SKN-TON-RW-100"], 100_000)
    const store = { "x-publishable-api-key": token }
    const address = {
      firstName: "Lina",
      lastName: "Haddad",
      email: "bench@example.com",
      phone: "+962791234567",
      country: "JO",
      city: "Amman",
      governorate: "Amman",
      street: "Queen Rania Street",
    }
    const storeAddress = {
      first_name: "Lina",
      last_name: "Haddad",
      phone: "+962791234567",
      address_1: "Queen Rania Street",
      city: "Amman",
      province: "Amman",
      country_code: "jo",
    }
    const storeCartWithItem = async () => {
      const { cart } = await json("POST", "/store/carts", { region_id: region.id }, store)
      await json("POST", `/store/carts/${cart.id}/line-items`, { variant_id: variant.id, quantity: 1 }, store)
      return cart.id
    }
    // The storefront's checkout up to (not including) completion.
    const storeCheckout = async (cartId) => {
      await json("POST", `/store/carts/${cartId}`, { email: "bench@example.com", shipping_address: storeAddress }, store)
      const { shipping_options } = await json("GET", `/store/shipping-options?cart_id=${cartId}`, undefined, store)
      const option = shipping_options.find((o) => o.data?.method === "standard" || /standard/i.test(o.name))
      await json("POST", `/store/carts/${cartId}/shipping-methods`, { option_id: option.id }, store)
      const { payment_collection } = await json("POST", "/store/payment-collections", { cart_id: cartId }, store)
      await json("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_cod_cod" }, store)
    }
    const complete = async (cartId) => {
      const { type } = await json("POST", `/store/carts/${cartId}/complete`, undefined, store)
      if (type !== "order") throw new Error(`cart ${cartId} did not become an order`)
    }
    const placeOrder = (cartId) =>
      json("POST", "/api/v1/orders", { cartId, shippingAddress: address, shippingMethod: "standard", paymentMethod: "cash_on_delivery" })

    const levels = [1, CONNECTIONS]
    const perSide = ORDERS * levels.length + 3
    log(`Preparing ${perSide} carts for each of the three ways ...`)
    const apiCarts = await prepare(perSide, "/api/v1", async () => {
      const { data } = await json("POST", "/api/v1/cart", { currency: "JOD" })
      await json("POST", `/api/v1/cart/${data.id}/items`, { productId: variant.product_id, variantId: variant.id, quantity: 1 })
      return data.id
    })
    const preparedCarts = await prepare(perSide, "/store, prepared", async () => {
      const id = await storeCartWithItem()
      await storeCheckout(id)
      return id
    })
    const storeCarts = await prepare(perSide, "/store, item only", storeCartWithItem)

    const ways = [
      ["POST /api/v1/orders (address, delivery, payment, complete)", apiCarts, (id) => placeOrder(id)],
      ["POST /store/carts/:id/complete (complete only)", preparedCarts, (id) => complete(id)],
      ["/store checkout, 6 requests (update, options, method, collection, session, complete)", storeCarts, async (id) => {
        await storeCheckout(id)
        await complete(id)
      }],
    ]
    // Warm every path (JIT, pools) with each side's 3 spare carts.
    for (const [name, carts, job] of ways) {
      log(`warm-up: ${name}`)
      await timed(carts.slice(-3).map((id) => () => job(id)), 1)
    }
    const idleRss = rssMb(shop.pid)

    const rows = []
    levels.forEach((connections, level) => {
      for (const [name, carts, job] of ways) {
        rows.push({ name: `${name}, ${connections} at once`, carts: carts.slice(level * ORDERS, (level + 1) * ORDERS), job, connections })
      }
    })
    const results = []
    for (const row of rows) {
      log(`${row.name}: ${ORDERS} orders ...`)
      results.push({ name: row.name, ...(await timed(row.carts.map((id) => () => row.job(id)), row.connections)) })
    }
    const [{ count }] = await queryRows(db, "select count(*)::int as count from \"order\" where email = 'bench@example.com'")
    const rss = rssMb(shop.pid)
    const report = table(results, {
      "orders placed by this database so far (all runs)": count,
      "server RSS (MB)": `${idleRss} after warm-up, ${rss} after the run`,
    })
    console.log(`\n${report}\n`)
    log(`Results saved to ${saveResults("orders", { results, idleRss, rss, connections: CONNECTIONS, orders: ORDERS })}`)
  } finally {
    await shop.stop()
  }
}

main().catch((e) => {
  console.error(e.message ?? e)
  process.exit(1)
})

// Cart benchmark: /api/v1 add-item and get-cart beside Medusa's own
// POST /store/carts/:id/line-items and GET /store/carts/:id, in one run on
// one server. Each add goes to a fresh empty cart (one add per cart), so
// both sides do the same job: put one item into an empty USD cart.
//   node bench/cart.mjs            (BENCH_CARTS=300 BENCH_CONNECTIONS=10 BENCH_DURATION=10)
import { json, log, measure, rssMb, saveResults, startShop, table } from "./lib.mjs"
import { queryRows } from "../scripts/lib/postgres.mjs"

const CARTS = Number(process.env.BENCH_CARTS || 300)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10)
const DURATION = Number(process.env.BENCH_DURATION || 10)

async function makeCarts(count, create) {
  const ids = []
  for (let i = 0; i < count; i++) {
    ids.push(await create())
    if ((i + 1) % 100 === 0) log(`  ${i + 1}/${count} carts`)
  }
  return ids
}

function roundRobin(ids, build) {
  let next = 0
  return [{ setupRequest: (req) => ({ ...req, ...build(ids[next++ % ids.length]) }) }]
}

async function main() {
  const shop = await startShop()
  try {
    const [{ token }] = await queryRows(
      shop.env.DATABASE_URL,
      "select token from api_key where type = 'publishable' and title = $1",
      ["Skinior Storefront"]
    )
    const [variant] = await queryRows(
      shop.env.DATABASE_URL,
      "select id, product_id from product_variant where sku = $1",
      ["SKN-SER-VC-30"]
    )
    const storeHeaders = { "x-publishable-api-key": token }
    const [region] = await queryRows(shop.env.DATABASE_URL, "select id from region where currency_code = 'usd'")

    log(`Creating ${CARTS} carts on each side ...`)
    const apiCarts = await makeCarts(CARTS, async () => (await json("POST", "/api/v1/cart", { currency: "USD" })).data.id)
    const storeCarts = await makeCarts(
      CARTS,
      async () => (await json("POST", "/store/carts", { region_id: region.id }, storeHeaders)).cart.id
    )
    const addBody = JSON.stringify({ productId: variant.product_id, variantId: variant.id, quantity: 1 })
    const storeAddBody = JSON.stringify({ variant_id: variant.id, quantity: 1 })
    const jsonHeaders = { "content-type": "application/json" }

    const rows = []
    // Warm both paths (JIT, caches, pools) before measuring.
    await measure("warm-up", {
      amount: 40,
      connections: 2,
      requests: roundRobin(apiCarts.slice(0, 20), (id) => ({ method: "GET", path: `/api/v1/cart/${id}` })),
    })
    await measure("warm-up", {
      amount: 40,
      connections: 2,
      requests: roundRobin(storeCarts.slice(0, 20), (id) => ({ method: "GET", path: `/store/carts/${id}`, headers: storeHeaders })),
    })

    rows.push(
      await measure("POST /api/v1/cart/:id/items", {
        amount: CARTS,
        connections: CONNECTIONS,
        requests: roundRobin(apiCarts, (id) => ({
          method: "POST",
          path: `/api/v1/cart/${id}/items`,
          headers: jsonHeaders,
          body: addBody,
        })),
      })
    )
    rows.push(
      await measure("POST /store/carts/:id/line-items", {
        amount: CARTS,
        connections: CONNECTIONS,
        requests: roundRobin(storeCarts, (id) => ({
          method: "POST",
          path: `/store/carts/${id}/line-items`,
          headers: { ...jsonHeaders, ...storeHeaders },
          body: storeAddBody,
        })),
      })
    )
    rows.push(
      await measure("GET /api/v1/cart/:id", {
        duration: DURATION,
        connections: CONNECTIONS,
        requests: roundRobin(apiCarts, (id) => ({ method: "GET", path: `/api/v1/cart/${id}` })),
      })
    )
    rows.push(
      await measure("GET /store/carts/:id", {
        duration: DURATION,
        connections: CONNECTIONS,
        requests: roundRobin(storeCarts, (id) => ({
          method: "GET",
          path: `/store/carts/${id}`,
          headers: storeHeaders,
        })),
      })
    )
    const rss = rssMb(shop.pid)
    const report = table(rows, { "server RSS after the run (MB)": rss, connections: CONNECTIONS, carts: CARTS })
    console.log(`\n${report}\n`)
    log(`Results saved to ${saveResults("cart", { rows, rss, connections: CONNECTIONS, carts: CARTS })}`)
  } finally {
    await shop.stop()
  }
}

main().catch((e) => {
  console.error(e.message ?? e)
  process.exit(1)
})

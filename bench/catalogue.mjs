// Catalogue benchmark: /api/v1/products (first page, a filtered + price-sorted
// page, a search; cached and uncached) beside Medusa's GET /store/products for
// the same first page, in one run on one server with BENCH_PRODUCTS products.
//   node bench/catalogue.mjs     (BENCH_PRODUCTS=1000 BENCH_CONNECTIONS=20 BENCH_DURATION=10)
import { log, measure, rssMb, saveResults, startShop, table } from "./lib.mjs"
import { queryRows } from "../scripts/lib/postgres.mjs"

const PRODUCTS = Number(process.env.BENCH_PRODUCTS || 1000)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 20)
const DURATION = Number(process.env.BENCH_DURATION || 10)

const WORDS = ["serum", "niacinamide", "moisturiser", "vitamin", "retinol", "cleanser", "spf", "hyaluronic", "toner", "mask"]

function varying(build) {
  let n = 0
  return [{ setupRequest: (req) => ({ ...req, ...build(n++) }) }]
}

async function main() {
  const shop = await startShop({ products: PRODUCTS })
  try {
    const [{ token }] = await queryRows(
      shop.env.DATABASE_URL,
      "select token from api_key where type = 'publishable' and title = $1",
      ["Skinior Storefront"]
    )
    const [{ count }] = await queryRows(shop.env.DATABASE_URL, "select count(*)::int as count from catalogue_entry where deleted_at is null")
    log(`Catalogue index holds ${count} products.`)
    const store = { "x-publishable-api-key": token }
    const filtered = "/api/v1/products?category=serums&minPrice=1000&maxPrice=6000&sortBy=price&sortOrder=asc&inStock=true"
    const opts = { duration: DURATION, connections: CONNECTIONS }

    // Warm both paths (JIT, pools, the first cached answers).
    for (const path of ["/api/v1/products", filtered, "/api/v1/products/search?q=niacinamide"]) {
      await measure("warm-up", { amount: 20, connections: 2, path })
    }
    await measure("warm-up", { amount: 20, connections: 2, path: "/store/products?limit=20", headers: store })

    const rows = []
    rows.push(await measure("GET /api/v1/products (page 1, cached)", { ...opts, path: "/api/v1/products" }))
    rows.push(await measure("GET /store/products?limit=20 (Medusa)", { ...opts, path: "/store/products?limit=20", headers: store }))
    rows.push(await measure("GET /api/v1/products filtered + price-sorted (cached)", { ...opts, path: filtered }))
    rows.push(await measure("GET /api/v1/products/search?q=niacinamide (cached)", { ...opts, path: "/api/v1/products/search?q=niacinamide" }))
    rows.push(
      await measure("GET /api/v1/products filtered + price-sorted (uncached)", {
        ...opts,
        // A new price bound each request: every answer misses the cache.
        requests: varying((n) => ({ method: "GET", path: `${filtered.replace("minPrice=1000", `minPrice=${1000 + (n % 100000)}`)}` })),
      })
    )
    rows.push(
      await measure("GET /api/v1/products/search (uncached)", {
        ...opts,
        requests: varying((n) => ({ method: "GET", path: `/api/v1/products/search?q=${WORDS[n % WORDS.length]}&minPrice=${n}` })),
      })
    )
    rows.push(
      await measure("GET /store/products?limit=20&offset=… (Medusa, varying page)", {
        ...opts,
        requests: varying((n) => ({ method: "GET", path: `/store/products?limit=20&offset=${(n * 20) % PRODUCTS}`, headers: store })),
      })
    )
    const rss = rssMb(shop.pid)
    console.log(`\n${table(rows, { "server RSS after the run (MB)": rss, products: count, connections: CONNECTIONS })}\n`)
    log(`Results saved to ${saveResults("catalogue", { rows, rss, products: count, connections: CONNECTIONS })}`)
  } finally {
    await shop.stop()
  }
}

main().catch((e) => {
  console.error(e.message ?? e)
  process.exit(1)
})

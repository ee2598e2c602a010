// Inventory benchmark: POST /api/v1/inventory/reserve and
// GET /api/v1/inventory/:productId/variants/:variantId beside Medusa's
// GET /store/products/:id with the variants' inventory quantity, for the
// same variant, in one run on one server. Each cart holds one unit of a
// line it has; holding again replaces its hold (the replacement path runs
// under the same inventory-item lock as a first hold).
//   node bench/inventory.mjs   (BENCH_CARTS=150 BENCH_CONNECTIONS=20 BENCH_DURATION=10)
import { json, log, measure, rssMb, saveResults, startShop, table } from "./lib.mjs"
import { queryRows } from "../scripts/lib/postgres.mjs"

const CARTS = Number(process.env.BENCH_CARTS || 150)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 20)
const DURATION = Number(process.env.BENCH_DURATION || 10)
// 200 in stock: every cart's one unit fits, so each hold answers 201.
const SKU = "SKN-SER-NZ-30"

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
    const [variant] = await queryRows(shop.env.DATABASE_URL, "select id, product_id from product_variant where sku = $1", [SKU])
    const storeHeaders = { "x-publishable-api-key": token }
    const item = { productId: variant.product_id, variantId: variant.id, quantity: 1 }

    log(`Creating ${CARTS} carts with one ${SKU} each ...`)
    const carts = []
    for (let i = 0; i < CARTS; i++) {
      const id = (await json("POST", "/api/v1/cart", { currency: "USD" })).data.id
      await json("POST", `/api/v1/cart/${id}/items`, item)
      carts.push(id)
    }
    const jsonHeaders = { "content-type": "application/json" }
    const availability = `/api/v1/inventory/${variant.product_id}/variants/${variant.id}`
    const storeProduct = `/store/products/${variant.product_id}?fields=*variants,+variants.inventory_quantity`

    await measure("warm-up", { amount: 40, connections: 2, path: availability })
    await measure("warm-up", { amount: 40, connections: 2, path: storeProduct, headers: storeHeaders })

    const rows = []
    rows.push(
      await measure("POST /api/v1/inventory/reserve", {
        duration: DURATION,
        connections: CONNECTIONS,
        requests: roundRobin(carts, (cartId) => ({
          method: "POST",
          path: "/api/v1/inventory/reserve",
          headers: jsonHeaders,
          body: JSON.stringify({ cartId, items: [item] }),
        })),
      })
    )
    rows.push(await measure("GET /api/v1/inventory/:productId/variants/:variantId", { duration: DURATION, connections: CONNECTIONS, path: availability }))
    rows.push(
      await measure("GET /store/products/:id (+variants.inventory_quantity)", {
        duration: DURATION,
        connections: CONNECTIONS,
        path: storeProduct,
        headers: storeHeaders,
      })
    )
    const [{ held }] = await queryRows(
      shop.env.DATABASE_URL,
      "select coalesce(sum(quantity), 0)::int as held from reservation_item where deleted_at is null and description like 'Hold for cart %'"
    )
    const rss = rssMb(shop.pid)
    const report = table(rows, { "units held after the run (one per cart)": held, "server RSS after the run (MB)": rss, connections: CONNECTIONS, carts: CARTS })
    console.log(`\n${report}\n`)
    log(`Results saved to ${saveResults("inventory", { rows, held, rss, connections: CONNECTIONS, carts: CARTS })}`)
  } finally {
    await shop.stop()
  }
}

main().catch((e) => {
  console.error(e.message ?? e)
  process.exit(1)
})

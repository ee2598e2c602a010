// Two servers, one database and one Redis, placing orders in parallel: every SKN
// order number unique and the numbers without a gap (issue 10's proof). Half the
// orders go to each server, all at once.
//   node bench/order-numbers.mjs     (ORDERS=40; REDIS_URL defaults to redis://127.0.0.1:6379)
import { BASE, json, log, PORT, saveResults, startServer, startShop } from "./lib.mjs"
import { queryRows } from "../scripts/lib/postgres.mjs"

const ORDERS = Number(process.env.ORDERS || 40)
const SECOND = `http://127.0.0.1:${PORT + 1}`

async function main() {
  process.env.REDIS_URL ||= "redis://127.0.0.1:6379"
  const shop = await startShop({ database: "skinior_bench_numbers" })
  let second
  try {
    second = await startServer(shop.env, PORT + 1)
    const db = shop.env.DATABASE_URL
    const [variant] = await queryRows(db, "select id, product_id from product_variant where sku = $1", ["SKN-TON-RW-100"])
    const [{ max: before }] = await queryRows(
      db,
      "select coalesce(max(last_value), 0)::int as max from order_number_counter where deleted_at is null"
    )
    log(`Preparing ${ORDERS} carts ...`)
    const carts = []
    for (let i = 0; i < ORDERS; i++) {
      const { data } = await json("POST", "/api/v1/cart", { currency: "JOD" })
      await json("POST", `/api/v1/cart/${data.id}/items`, { productId: variant.product_id, variantId: variant.id, quantity: 1 })
      carts.push(data.id)
    }
    const address = {
      firstName: "Lina",
      lastName: "Haddad",
      email: "numbers@example.com",
      phone: "+962791234567",
      country: "JO",
      city: "Amman",
      governorate: "Amman",
      street: "Queen Rania Street",
    }
    log(`Placing ${ORDERS} orders at once, half on :${PORT}, half on :${PORT + 1} ...`)
    const started = Date.now()
    const answers = await Promise.all(
      carts.map(async (cartId, i) => {
        const res = await fetch(`${i % 2 ? SECOND : BASE}/api/v1/orders`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ cartId, shippingAddress: address, shippingMethod: "standard", paymentMethod: "cash_on_delivery" }),
        })
        return { status: res.status, body: await res.json() }
      })
    )
    const seconds = (Date.now() - started) / 1000
    const statuses = {}
    for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1
    const numbers = answers.filter((a) => a.status === 201).map((a) => a.body.data.orderNumber)
    const values = numbers.map((n) => Number(n.split("-")[2])).sort((a, b) => a - b)
    const unique = new Set(numbers).size === numbers.length
    const gapless = values.every((v, i) => v === before + i + 1)
    const result = { orders: ORDERS, seconds, statuses, unique, gapless, first: values[0], last: values.at(-1), before }
    console.log(JSON.stringify(result, null, 2))
    log(`Saved ${saveResults("order-numbers", result)}`)
    if (!unique || !gapless || numbers.length !== ORDERS) {
      log("FAILED: numbers repeated, skipped or orders missing")
      process.exitCode = 1
    }
  } finally {
    await second?.stop()
    await shop.stop()
  }
}

main().catch((e) => {
  console.error(e.message ?? e)
  process.exit(1)
})

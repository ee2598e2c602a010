// Orders benchmark: POST /api/v1/orders beside Medusa's POST /store/carts/:id/complete
// for the same cart shape (one serum, Amman, standard delivery, cash on delivery), in one
// run on one server. Every request places one order from its own prepared cart: the
// /store carts get their email, address, delivery method and payment session first (the
// steps a storefront takes before completing), the /api/v1 carts only their item, since
// POST /api/v1/orders does those steps itself.
//   node bench/orders.mjs            (BENCH_ORDERS=60 BENCH_CONNECTIONS=5; the variant has 150 in stock)
import { json, log, measure, rssMb, saveResults, startShop, table } from "./lib.mjs"
import { queryRows } from "../scripts/lib/postgres.mjs"

const ORDERS = Number(process.env.BENCH_ORDERS || 60)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 5)

async function prepare(count, label, make) {
  const ids = []
  for (let i = 0; i < count; i++) {
    ids.push(await make(i))
    if ((i + 1) % 25 === 0) log(`  ${label}: ${i + 1}/${count} carts ready`)
  }
  return ids
}

function each(ids, build) {
  let next = 0
  return [{ setupRequest: (req) => ({ ...req, ...build(ids[next++ % ids.length]) }) }]
}

async function main() {
  const shop = await startShop({ database: "skinior_bench_orders" })
  try {
    const db = shop.env.DATABASE_URL
    const [{ token }] = await queryRows(db, "select token from api_key where type = 'publishable' and title = $1", [
      "Skinior Storefront",
    ])
    const [variant] = await queryRows(db, "select id, product_id from product_variant where sku = $1", ["SKN-TON-RW-100"])
    const [region] = await queryRows(db, "select id from region where currency_code = 'jod'")
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

    log(`Preparing ${ORDERS} carts on each side ...`)
    const apiCarts = await prepare(ORDERS + 5, "/api/v1", async () => {
      const { data } = await json("POST", "/api/v1/cart", { currency: "JOD" })
      await json("POST", `/api/v1/cart/${data.id}/items`, { productId: variant.product_id, variantId: variant.id, quantity: 1 })
      return data.id
    })
    let optionId
    const storeCarts = await prepare(ORDERS + 5, "/store", async () => {
      const { cart } = await json("POST", "/store/carts", { region_id: region.id }, store)
      await json("POST", `/store/carts/${cart.id}/line-items`, { variant_id: variant.id, quantity: 1 }, store)
      await json("POST", `/store/carts/${cart.id}`, { email: "bench@example.com", shipping_address: storeAddress }, store)
      if (!optionId) {
        const { shipping_options } = await json("GET", `/store/shipping-options?cart_id=${cart.id}`, undefined, store)
        optionId = shipping_options.find((o) => /standard/i.test(o.name)).id
      }
      await json("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: optionId }, store)
      const { payment_collection } = await json("POST", "/store/payment-collections", { cart_id: cart.id }, store)
      await json(
        "POST",
        `/store/payment-collections/${payment_collection.id}/payment-sessions`,
        { provider_id: "pp_cod_cod" },
        store
      )
      return cart.id
    })
    const jsonHeaders = { "content-type": "application/json" }

    // Warm both paths (JIT, pools) with the 5 spare carts of each side.
    await measure("warm-up /api/v1", {
      amount: 5,
      connections: 1,
      requests: each(apiCarts.slice(ORDERS), (cartId) => ({
        method: "POST",
        path: "/api/v1/orders",
        headers: jsonHeaders,
        body: JSON.stringify({ cartId, shippingAddress: address, shippingMethod: "standard", paymentMethod: "cash_on_delivery" }),
      })),
    })
    await measure("warm-up /store", {
      amount: 5,
      connections: 1,
      requests: each(storeCarts.slice(ORDERS), (id) => ({
        method: "POST",
        path: `/store/carts/${id}/complete`,
        headers: store,
      })),
    })

    const rows = [
      await measure("POST /api/v1/orders (address, delivery, payment, complete)", {
        amount: ORDERS,
        connections: CONNECTIONS,
        requests: each(apiCarts.slice(0, ORDERS), (cartId) => ({
          method: "POST",
          path: "/api/v1/orders",
          headers: jsonHeaders,
          body: JSON.stringify({ cartId, shippingAddress: address, shippingMethod: "standard", paymentMethod: "cash_on_delivery" }),
        })),
      }),
      await measure("POST /store/carts/:id/complete (complete only)", {
        amount: ORDERS,
        connections: CONNECTIONS,
        requests: each(storeCarts.slice(0, ORDERS), (id) => ({
          method: "POST",
          path: `/store/carts/${id}/complete`,
          headers: store,
        })),
      }),
    ]
    const [{ count }] = await queryRows(db, "select count(*)::int as count from \"order\" where email = 'bench@example.com'")
    const rss = rssMb(shop.pid)
    const report = table(rows, {
      "orders placed (both sides, with warm-up)": count,
      "server RSS after the run (MB)": rss,
      connections: CONNECTIONS,
    })
    console.log(`\n${report}\n`)
    log(`Results saved to ${saveResults("orders", { rows, rss, connections: CONNECTIONS, orders: ORDERS, placed: count })}`)
  } finally {
    await shop.stop()
  }
}

main().catch((e) => {
  console.error(e.message ?? e)
  process.exit(1)
})

// Shop actions the drills share: an Admin sign-in, stock set through Admin's
// API, carts filled through the servers, a Jordan delivery address.
import { queryRows } from "./postgres.mjs"
import { runOrFail } from "./run.mjs"
import { request } from "./cluster.mjs"

const ADMIN = { email: "drill-admin@example.com", password: "drill-admin-password-1" }

/** Creates the drill's Admin user (Medusa's `medusa user`) and answers its bearer header. */
export async function signInAdmin(cluster) {
  const [existing] = await queryRows(cluster.env.DATABASE_URL, "select id from \"user\" where email = $1", [ADMIN.email])
  if (!existing) {
    await runOrFail("medusa", ["user", "-e", ADMIN.email, "-p", ADMIN.password], { env: { ...cluster.env, LOG_LEVEL: "error" } })
  }
  const login = await request(cluster.servers[0].base, "POST", "/auth/user/emailpass", {
    body: ADMIN,
    headers: { "x-forwarded-for": "192.0.2.250" },
  })
  if (login.status !== 200) throw new Error(`Admin sign-in answered ${login.status}: ${login.text}`)
  return { authorization: `Bearer ${login.body.token}`, "x-forwarded-for": "192.0.2.250" }
}

/** Sets a variant's stocked quantity at its location through Medusa's Admin API. */
export async function setStock(cluster, admin, variantId, stocked) {
  const [level] = await queryRows(
    cluster.env.DATABASE_URL,
    `select il.inventory_item_id, il.location_id
       from product_variant_inventory_item l
       join inventory_level il on il.inventory_item_id = l.inventory_item_id and il.deleted_at is null
      where l.variant_id = $1 and l.deleted_at is null
      limit 1`,
    [variantId]
  )
  const res = await request(
    cluster.servers[0].base,
    "POST",
    `/admin/inventory-items/${level.inventory_item_id}/location-levels/${level.location_id}`,
    { body: { stocked_quantity: stocked }, headers: admin }
  )
  if (res.status !== 200) throw new Error(`Setting stock answered ${res.status}: ${res.text}`)
  return level
}

/** `count` JOD carts with one unit of the variant, made alternately through the servers. */
export async function prepareCarts(servers, variant, count, headers = () => ({})) {
  const carts = []
  for (let i = 0; i < count; i++) {
    const base = servers[i % servers.length].base
    const cart = await request(base, "POST", "/api/v1/cart", { body: { currency: "JOD" }, headers: headers() })
    if (cart.status !== 201) throw new Error(`Creating a cart answered ${cart.status}: ${cart.text}`)
    const id = cart.body.data.id
    const add = await request(base, "POST", `/api/v1/cart/${id}/items`, {
      body: { productId: variant.product_id, variantId: variant.id, quantity: 1 },
      headers: headers(),
    })
    if (add.status !== 200 && add.status !== 201) throw new Error(`Adding an item answered ${add.status}: ${add.text}`)
    carts.push(id)
  }
  return carts
}

export function jordanAddress(email) {
  return {
    firstName: "Lina",
    lastName: "Haddad",
    email,
    phone: "+962791234567",
    country: "JO",
    city: "Amman",
    governorate: "Amman",
    street: "Queen Rania Street",
  }
}

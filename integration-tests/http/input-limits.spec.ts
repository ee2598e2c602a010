import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { AxiosInstance } from "axios"
import { adminHeaders } from "../helpers/admin"
import { seedShop } from "../helpers/catalogue"
import { createCustomer } from "../helpers/customers"

jest.setTimeout(240 * 1000)

const anyStatus = { validateStatus: () => true }
// 100,000 characters: under Medusa's own 100 KB body limit on /store, so it reaches our checks.
const HUGE = "x".repeat(100_000)
const NUL = "bad\u0000value"
const SURROGATE = "bad\ud800value"
// The same three as they travel in a URL.
const URL_NUL = "bad%00value"
const URL_SURROGATE = "bad%ED%A0%80value"

type Method = "get" | "post" | "put" | "delete"
type Answer = { status: number; data: any; headers: Record<string, any> }

/** What a refused case answered, in one comparable line. */
function summary(name: string, res: Answer) {
  return {
    case: name,
    status: res.status,
    code: res.data?.error?.code,
    fields: (res.data?.error?.details ?? []).map((d: { field: string }) => d.field),
    shape: res.data ? Object.keys(res.data) : [],
    requestIdMatches: !!res.data?.error?.requestId && res.data.error.requestId === res.headers["x-request-id"],
    // No answer quotes more than 100 characters of the caller's input.
    short: JSON.stringify(res.data ?? "").length < 1000,
  }
}
const refused = (name: string, field: string) => ({
  case: name,
  status: 400,
  code: "VALIDATION_ERROR",
  fields: [field],
  shape: ["error"],
  requestIdMatches: true,
  short: true,
})

function send(api: AxiosInstance, method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) {
  const config = { ...anyStatus, headers }
  if (method === "get") return api.get(url, config)
  if (method === "delete") return api.delete(url, { ...config, data: body })
  return api[method](url, body, config)
}

/** Sets `value` at a dotted path of a copy of `body`. */
function withField(body: Record<string, any>, field: string, value: unknown) {
  const copy = structuredClone(body)
  const keys = field.split(".")
  let target = copy
  for (const key of keys.slice(0, -1)) target = target[key]
  target[keys.at(-1)!] = value
  return copy
}

type Ids = { cartId: string; itemId: string; productId: string; variantId: string; token: Record<string, string> }

/** One /api/v1 route: its path (with :params), a valid body/query, and each string field with its bound. */
type RouteCase = {
  method: Method
  path: string
  params?: string[]
  body?: (ids: Ids) => Record<string, any>
  bodyFields?: Record<string, number>
  query?: Record<string, string>
  queryFields?: Record<string, number>
  auth?: boolean
}

// No length of its own: the field takes a fixed vocabulary or a number, so any long value is refused.
const ANY = 1000
const LIST_QUERY: Record<string, number> = {
  page: ANY,
  limit: ANY,
  currency: 3,
  category: 100,
  minPrice: ANY,
  maxPrice: ANY,
  sortOrder: ANY,
  inStock: ANY,
  skinType: ANY,
  concern: ANY,
}
const ADDRESS = { country: "JO", city: "Amman", street: "Rainbow Street 12" }

const ROUTES: RouteCase[] = [
  { method: "get", path: "/api/v1/health" },
  {
    method: "post",
    path: "/api/v1/cart",
    body: () => ({ currency: "USD" }),
    bodyFields: { customerId: 100, currency: 3 },
  },
  { method: "get", path: "/api/v1/cart/:cartId", params: ["cartId"] },
  { method: "delete", path: "/api/v1/cart/:cartId", params: ["cartId"] },
  {
    method: "post",
    path: "/api/v1/cart/:cartId/items",
    params: ["cartId"],
    body: (ids) => ({ productId: ids.productId, variantId: ids.variantId, quantity: 1 }),
    bodyFields: { productId: 100, variantId: 100 },
  },
  {
    method: "put",
    path: "/api/v1/cart/:cartId/items/:itemId",
    params: ["cartId", "itemId"],
    body: () => ({ quantity: 2 }),
  },
  { method: "delete", path: "/api/v1/cart/:cartId/items/:itemId", params: ["cartId", "itemId"] },
  {
    method: "post",
    path: "/api/v1/checkout/shipping",
    body: (ids) => ({ cartId: ids.cartId, shippingAddress: ADDRESS }),
    bodyFields: {
      cartId: 100,
      "shippingAddress.country": 2,
      "shippingAddress.city": 100,
      "shippingAddress.governorate": 100,
      "shippingAddress.postalCode": 50,
      "shippingAddress.street": 255,
      "shippingAddress.building": 255,
      "shippingAddress.apartment": 255,
      "shippingAddress.firstName": 100,
      "shippingAddress.lastName": 100,
      "shippingAddress.phone": 50,
      "shippingAddress.email": 255,
      "shippingAddress.instructions": 1000,
    },
  },
  {
    method: "post",
    path: "/api/v1/checkout/discount",
    body: (ids) => ({ cartId: ids.cartId, discountCode: "SAVE20" }),
    bodyFields: { cartId: 100, discountCode: 50 },
  },
  {
    method: "delete",
    path: "/api/v1/checkout/discount",
    body: (ids) => ({ cartId: ids.cartId }),
    bodyFields: { cartId: 100 },
  },
  { method: "get", path: "/api/v1/products", queryFields: { ...LIST_QUERY, search: 200, sortBy: ANY } },
  {
    method: "get",
    path: "/api/v1/products/search",
    query: { q: "serum" },
    queryFields: { ...LIST_QUERY, q: 200, sortBy: ANY },
  },
  { method: "get", path: "/api/v1/products/:id", params: ["id"], queryFields: { currency: 3 } },
  {
    method: "get",
    path: "/api/v1/products/:id/reviews",
    params: ["id"],
    queryFields: { page: ANY, limit: ANY },
  },
  {
    method: "post",
    path: "/api/v1/products/:id/reviews",
    params: ["id"],
    auth: true,
    body: () => ({ rating: 5, title: "Lovely", body: "Soft skin after a week." }),
    bodyFields: { title: 120, body: 5000 },
  },
]

/** A valid value of a field, long enough to pass `min`, `max + 1` characters long. */
function overLength(field: string, max: number) {
  if (field.endsWith("email")) return `${"a".repeat(max + 1 - "@example.com".length)}@example.com`
  return "a".repeat(max + 1)
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let shop: Awaited<ReturnType<typeof seedShop>>
    const store = () => ({ "x-publishable-api-key": shop.publishableKey })

    beforeAll(async () => {
      shop = await seedShop(getContainer())
    })

    async function makeIds(): Promise<Ids> {
      const variant = shop.variant("SKN-SER-VC-30")
      const cart = (await api.post("/api/v1/cart", { currency: "USD" })).data.data
      const added = await api.post(`/api/v1/cart/${cart.id}/items`, {
        productId: variant.productId,
        variantId: variant.id,
        quantity: 1,
      })
      const customer = await createCustomer(api, shop.publishableKey, `limits-${Date.now()}@example.com`)
      return {
        cartId: cart.id,
        itemId: added.data.data.items[0].id,
        productId: variant.productId,
        variantId: variant.id,
        token: customer.headers,
      }
    }

    describe.each(ROUTES)("$method $path", (route) => {
      it("answers 400 VALIDATION_ERROR naming the field for NUL, unpaired surrogates and over-long values", async () => {
        const ids = await makeIds()
        const valid: Record<string, string> = { cartId: ids.cartId, itemId: ids.itemId, id: ids.productId }
        const pathWith = (param?: string, raw?: string) =>
          route.path.replace(/:(\w+)/g, (_, name) => (name === param ? raw! : encodeURIComponent(valid[name])))
        // `extra` is "name=raw": it replaces the route's own value of that name.
        const query = (extra: string) => {
          const base = { ...(route.query ?? {}) }
          delete base[extra.split("=")[0]]
          return [new URLSearchParams(base).toString(), extra].filter(Boolean).join("&")
        }
        const url = (path: string, extra = "") => (query(extra) ? `${path}?${query(extra)}` : path)
        const body = route.body?.(ids)
        const headers = route.auth ? ids.token : {}

        const cases: { name: string; field: string; run: () => Promise<Answer> }[] = []
        for (const param of route.params ?? []) {
          for (const [kind, raw] of [
            ["NUL", URL_NUL],
            ["surrogate", URL_SURROGATE],
            ["control character", "bad%0Avalue"],
            ["stray %", "bad%zzvalue"],
            ["101 characters", "a".repeat(101)],
            // Node refuses request lines over 16 KB before any code of ours runs.
            ["10 KB", "a".repeat(10 * 1024)],
          ]) {
            cases.push({ name: `${param} ${kind}`, field: param, run: () => send(api, route.method, url(pathWith(param, raw)), body, headers) })
          }
        }
        // Any query parameter is checked, known to the route or not.
        const queryFields = { ...(route.queryFields ?? {}), ...(route.queryFields ? {} : { anything: ANY }) }
        for (const [field, max] of Object.entries(queryFields)) {
          const cases_: [string, string][] = [
            ["NUL", URL_NUL],
            ["surrogate", URL_SURROGATE],
          ]
          if (route.queryFields) cases_.push([`${max + 1} characters`, encodeURIComponent(overLength(field, max))])
          for (const [kind, raw] of cases_) {
            const extra = `${field}=${raw}`
            cases.push({ name: `?${field} ${kind}`, field, run: () => send(api, route.method, url(pathWith(), extra), body, headers) })
          }
        }
        for (const [field, max] of Object.entries(route.bodyFields ?? {})) {
          for (const [kind, value] of [
            ["NUL", NUL],
            ["surrogate", SURROGATE],
            [`${max + 1} characters`, overLength(field, max)],
            ["100,000 characters", HUGE],
          ]) {
            cases.push({
              name: `${field} ${kind}`,
              field,
              run: () => send(api, route.method, url(pathWith()), withField(body!, field, value), headers),
            })
          }
        }
        if (body) {
          // A NUL in a field's name is refused as well, naming it escaped.
          const keyed = { ...body, ["x\u0000"]: "1" }
          cases.push({ name: "NUL in a key", field: "x\\u0000", run: () => send(api, route.method, url(pathWith()), keyed, headers) })
        }

        const answers: ReturnType<typeof summary>[] = []
        for (const c of cases) answers.push(summary(c.name, await c.run()))
        expect(answers).toEqual(cases.map((c) => refused(c.name, c.field)))
        expect(cases.length).toBeGreaterThan(0)
      })
    })

    describe("bounds are exact", () => {
      it("takes values at the bound: a 100-character id is looked up, 255-character street and 1,000-character instructions are stored", async () => {
        const ids = await makeIds()
        const id = "a".repeat(100)
        const lookup = await api.get(`/api/v1/cart/${id}`, anyStatus)
        expect(lookup.status).toBe(404)
        expect(lookup.data.error.code).toBe("RESOURCE_NOT_FOUND")
        expect(lookup.data.error.message.length).toBeLessThan(200)

        const address = {
          country: "US",
          city: "Austin",
          postalCode: "73301",
          street: "s".repeat(255),
          instructions: "i".repeat(1000),
          firstName: "f".repeat(100),
        }
        const quote = await api.post("/api/v1/checkout/shipping", { cartId: ids.cartId, shippingAddress: address }, anyStatus)
        expect(quote.status).toBe(200)
        expect(quote.data.data.shippingAddress.street).toBe("s".repeat(255))

        const review = await api.post(
          `/api/v1/products/${ids.productId}/reviews`,
          { rating: 4, title: "t".repeat(120), body: "b".repeat(5000) },
          { headers: ids.token, ...anyStatus }
        )
        expect(review.status).toBe(201)
      })

      it("quotes at most 100 characters of an unknown path", async () => {
        const res = await api.get(`/api/v1/${"z".repeat(5000)}`, anyStatus)
        expect(res.status).toBe(404)
        expect(res.data.error.message).toBe(`No route GET /api/v1/${"z".repeat(100 - "/api/v1/".length)}…`)
      })

      it("names an unknown field by at most 100 characters", async () => {
        const res = await api.post("/api/v1/cart", { currency: "USD", [HUGE]: 1 }, anyStatus)
        expect(res.status).toBe(400)
        expect(res.data.error.details).toEqual([{ field: `${"x".repeat(100)}…`, message: "Unknown field" }])
      })
    })

    describe("Medusa's /store and /auth", () => {
      async function storeCart() {
        const regions = await api.get("/store/regions", { headers: store() })
        const usa = regions.data.regions.find((r: any) => r.currency_code === "usd")
        const created = await api.post("/store/carts", { region_id: usa.id }, { headers: store() })
        return created.data.cart.id as string
      }
      const expectMedusa400 = (res: Answer, message: string) => {
        expect({ status: res.status, body: res.data }).toEqual({
          status: 400,
          body: { type: "invalid_data", message },
        })
      }

      it("answers 400 in Medusa's shape for NUL, control characters and broken escapes in a cart id", async () => {
        const cartId = await storeCart()
        for (const [raw, why] of [
          [`${cartId}%00`, "must not contain NUL bytes"],
          [`${cartId}%0A`, "must not contain control characters"],
          [`${cartId}%ED%A0%80`, "must be percent-encoded UTF-8 text"],
          [`${cartId}%zz`, "must be percent-encoded UTF-8 text"],
        ]) {
          expectMedusa400(await api.get(`/store/carts/${raw}`, { headers: store(), ...anyStatus }), `Invalid request: path ${why}`)
          expectMedusa400(
            await api.post(`/store/carts/${raw}`, { email: "a@example.com" }, { headers: store(), ...anyStatus }),
            `Invalid request: path ${why}`
          )
        }
        expectMedusa400(
          await api.get(`/store/carts/${"c".repeat(256)}`, { headers: store(), ...anyStatus }),
          "Invalid request: path must be at most 255 characters"
        )
      })

      it("refuses NUL, surrogates and over-long strings in every shipping address field and stores nothing", async () => {
        const cartId = await storeCart()
        // Medusa gives a one-country region's cart an address holding only that country.
        const before = (await api.get(`/store/carts/${cartId}`, { headers: store() })).data.cart.shipping_address
        expect(before).toMatchObject({ country_code: "us", address_1: null, city: null })
        const fields = ["first_name", "last_name", "company", "address_1", "address_2", "city", "province", "postal_code", "country_code", "phone"]
        const answers: { case: string; status: number; message: string }[] = []
        const expected: typeof answers = []
        for (const field of fields) {
          for (const [kind, value, message] of [
            ["NUL", NUL, `shipping_address.${field} must not contain NUL bytes`],
            ["surrogate", SURROGATE, `shipping_address.${field} must not contain unpaired UTF-16 surrogates`],
            ["256 characters", "a".repeat(256), `shipping_address.${field} must be at most 255 characters`],
            ["100,000 characters", HUGE, `shipping_address.${field} must be at most 255 characters`],
          ]) {
            const res = await api.post(
              `/store/carts/${cartId}`,
              { shipping_address: { [field]: value } },
              { headers: store(), ...anyStatus }
            )
            answers.push({ case: `${field} ${kind}`, status: res.status, message: res.data.message })
            expected.push({ case: `${field} ${kind}`, status: 400, message: `Invalid request: ${message}` })
          }
        }
        expect(answers).toEqual(expected)
        const cart = (await api.get(`/store/carts/${cartId}`, { headers: store() })).data.cart
        expect(cart.shipping_address).toEqual(before)

        // At the bound it is stored.
        const ok = await api.post(
          `/store/carts/${cartId}`,
          { shipping_address: { address_1: "a".repeat(255), city: "Austin" } },
          { headers: store(), ...anyStatus }
        )
        expect(ok.status).toBe(200)
        expect(ok.data.cart.shipping_address.address_1).toBe("a".repeat(255))
      })

      it("refuses a NUL or over-long promotion code and applies nothing", async () => {
        const cartId = await storeCart()
        const variant = shop.variant("SKN-SER-VC-30")
        await api.post(`/store/carts/${cartId}/line-items`, { variant_id: variant.id, quantity: 1 }, { headers: store() })
        expectMedusa400(
          await api.post(`/store/carts/${cartId}/promotions`, { promo_codes: ["SAVE20\u0000"] }, { headers: store(), ...anyStatus }),
          "Invalid request: promo_codes.0 must not contain NUL bytes"
        )
        expectMedusa400(
          await api.post(`/store/carts/${cartId}/promotions`, { promo_codes: ["S".repeat(51)] }, { headers: store(), ...anyStatus }),
          "Invalid request: promo_codes.0 must be at most 50 characters"
        )
        const cart = (await api.get(`/store/carts/${cartId}`, { headers: store() })).data.cart
        expect(cart.promotions).toEqual([])
        expect(cart.discount_total).toBe(0)
      })

      it("bounds other /store strings at 1,000 and metadata at 4,096", async () => {
        const cartId = await storeCart()
        expectMedusa400(
          await api.post(`/store/carts/${cartId}`, { metadata: { note: "m".repeat(4097) } }, { headers: store(), ...anyStatus }),
          "Invalid request: metadata.note must be at most 4096 characters"
        )
        const ok = await api.post(`/store/carts/${cartId}`, { metadata: { note: "m".repeat(4096) } }, { headers: store(), ...anyStatus })
        expect(ok.status).toBe(200)
        expectMedusa400(
          await api.post(`/store/carts/${cartId}`, { email: `${"e".repeat(250)}@x.com` }, { headers: store(), ...anyStatus }),
          "Invalid request: email must be at most 255 characters"
        )
      })

      it("refuses a NUL in /auth bodies and queries in Medusa's shape", async () => {
        expectMedusa400(
          await api.post("/auth/customer/emailpass", { email: "a\u0000@example.com", password: "x" }, anyStatus),
          "Invalid request: email must not contain NUL bytes"
        )
        expectMedusa400(
          await api.post("/auth/customer/emailpass/register", { email: "a@example.com", password: SURROGATE }, anyStatus),
          "Invalid request: password must not contain unpaired UTF-16 surrogates"
        )
      })
    })

    describe("customer-only routes under /api/v1", () => {
      it("answer the contract's 401 without a token, with a bad one, and with an admin's", async () => {
        const productId = shop.variant("SKN-SER-VC-30").productId
        const body = { rating: 5, title: "Lovely", body: "Soft skin." }
        const admin = await adminHeaders(api)
        for (const headers of [{}, { authorization: "Bearer not-a-jwt" }, admin]) {
          const res = await api.post(`/api/v1/products/${productId}/reviews`, body, { headers, ...anyStatus })
          expect(res.status).toBe(401)
          expect(res.data).toEqual({
            error: {
              code: "AUTHENTICATION_ERROR",
              message: "Sign in as a customer: send a valid Bearer token",
              requestId: res.headers["x-request-id"],
            },
          })
          expect(res.headers["x-content-type-options"]).toBe("nosniff")
        }
      })
    })

    describe("X-Powered-By", () => {
      it("is on no answer", async () => {
        // In order: handlers mounted before Medusa's API loader (the test
        // runner's /health, the Admin bundle at /app) lose the header from the
        // first request that has passed our middleware (see powered-by.ts).
        const answers: Answer[] = []
        for (const send of [
          () => api.get("/api/v1/health", anyStatus),
          () => api.get("/api/v1/nope", anyStatus),
          () => api.get("/store/products", anyStatus),
          () => api.get("/store/products", { headers: store(), ...anyStatus }),
          () => api.get("/admin/products", anyStatus),
          () => api.post("/auth/customer/emailpass", { email: "nobody@example.com", password: "wrong" }, anyStatus),
          () => api.get("/app", anyStatus),
          () => api.get("/health", anyStatus),
        ]) {
          answers.push(await send())
        }
        expect(answers.map((r) => r.status)).toEqual([200, 404, 400, 200, 401, 401, expect.any(Number), 200])
        expect(answers.map((r) => r.headers["x-powered-by"])).toEqual(answers.map(() => undefined))
      })
    })
  },
})

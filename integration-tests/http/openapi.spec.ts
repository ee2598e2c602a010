import { readdirSync, readFileSync } from "node:fs"
import { join, relative, sep } from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import SwaggerParser from "@apidevtools/swagger-parser"
import Ajv2020 from "ajv/dist/2020"
import addFormats from "ajv-formats"
import { toPostmanCollection } from "../../src/api/openapi/postman"
import { DOCS_ASSET_NAMES } from "../../src/api/openapi/docs-page"
import { ammanAddress } from "../helpers/addresses"
import { seedShop, SeededVariant } from "../helpers/catalogue"

jest.setTimeout(180 * 1000)

const anyStatus = { validateStatus: () => true }
const ROUTES_DIR = join(__dirname, "..", "..", "src", "api", "api")
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]

/** "METHOD /path/{param}" for every handler exported by a route file under src/api/api. */
function routeOperations(): string[] {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.name === "route.ts") files.push(path)
    }
  }
  walk(ROUTES_DIR)
  return files.flatMap((file) => {
    const source = readFileSync(file, "utf8")
    const folder = relative(ROUTES_DIR, file).split(sep).slice(0, -1)
    const path = "/api/" + folder.map((part) => part.replace(/^\[(.+)\]$/, "{$1}")).join("/")
    const exported = [...source.matchAll(/export\s+(?:async\s+function|const|function)\s+([A-Z]+)\b/g)].map((m) => m[1])
    return exported.filter((method) => HTTP_METHODS.includes(method)).map((method) => `${method} ${path}`)
  })
}

type Doc = { paths: Record<string, Record<string, any>>; components: { schemas: Record<string, unknown> } }

const documentedOperations = (doc: Doc) =>
  Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`))

/**
 * The OpenAPI document: every route documented and nothing more, valid 3.1,
 * real answers matching their documented schemas; the docs page and its
 * files served locally; the search's `filters` object.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let shop: Awaited<ReturnType<typeof seedShop>>
    let serum: SeededVariant
    let doc: Doc
    let ajv: Ajv2020

    beforeAll(async () => {
      shop = await seedShop(getContainer())
      serum = shop.variant("SKN-SER-VC-30")
      const res = await api.get("/api/v1/openapi.json")
      doc = res.data
      ajv = new Ajv2020({ strict: false, allErrors: true })
      addFormats(ajv)
      ajv.addSchema({ $id: "https://skinior.test/openapi", components: { schemas: doc.components.schemas } })
    })

    /** Asserts an answer is documented for the operation and matches the documented schema. */
    function expectDocumented(method: string, path: string, res: { status: number; data: unknown }) {
      const response = doc.paths[path]?.[method]?.responses?.[res.status]
      expect({ operation: `${method} ${path}`, status: res.status, documented: !!response }).toEqual({
        operation: `${method} ${path}`,
        status: res.status,
        documented: true,
      })
      const ref: string = response.content["application/json"].schema.$ref
      const validate = ajv.getSchema(`https://skinior.test/openapi${ref}`)!
      const valid = validate(res.data)
      expect({ operation: `${method} ${path} ${res.status}`, errors: valid ? null : validate.errors }).toEqual({
        operation: `${method} ${path} ${res.status}`,
        errors: null,
      })
    }

    describe("GET /api/v1/openapi.json", () => {
      it("documents every route file's handlers and nothing else", () => {
        const routes = routeOperations().sort()
        expect(routes.length).toBeGreaterThanOrEqual(44)
        expect(documentedOperations(doc).sort()).toEqual(routes)
      })

      it("is a valid OpenAPI 3.1 document whose $refs all resolve", async () => {
        expect(doc).toMatchObject({ openapi: "3.1.0", info: { title: "Skinior Commerce API" } })
        // The parser changes what it is given: a copy.
        await expect(SwaggerParser.validate(structuredClone(doc) as any)).resolves.toBeTruthy()
        const compiled = Object.keys(doc.components.schemas).map((id) =>
          ajv.getSchema(`https://skinior.test/openapi#/components/schemas/${id}`)
        )
        expect(compiled.every(Boolean)).toBe(true)
      })

      it("gives every operation a success answer, the error shape for each error status, and every parameter a meaning", () => {
        for (const [path, item] of Object.entries(doc.paths)) {
          for (const [method, op] of Object.entries<any>(item)) {
            const statuses = Object.keys(op.responses).map(Number)
            expect([method, path, statuses.filter((s) => s < 300).length]).toEqual([method, path, 1])
            for (const status of statuses.filter((s) => s >= 400)) {
              expect([method, path, status, op.responses[status].content["application/json"].schema]).toEqual([
                method,
                path,
                status,
                { $ref: "#/components/schemas/Error" },
              ])
            }
            expect(statuses).toEqual(expect.arrayContaining([400, 429, 500]))
            for (const parameter of op.parameters.filter((p: any) => !p.$ref)) {
              expect([path, parameter.name, typeof parameter.description]).toEqual([path, parameter.name, "string"])
            }
          }
        }
        // Money in the requirements' example, corrected: 5 JOD is 5000 fils.
        const quote = doc.paths["/api/v1/checkout/shipping"].post.responses[200].content["application/json"].examples.amman.value
        expect(quote.data.methods.map((m: any) => [m.id, m.price])).toEqual([
          ["standard", 5000],
          ["express", 10000],
          ["same_day", 15000],
        ])
      })

      it("has only examples that match their schemas (bodies sent and answers)", () => {
        let checked = 0
        for (const [path, item] of Object.entries(doc.paths)) {
          for (const [method, op] of Object.entries<any>(item)) {
            const body = op.requestBody?.content["application/json"]
            const media = Object.entries<any>(op.responses).map(([status, r]) => [status, r.content?.["application/json"]])
            const checks: [string, any, unknown][] = [
              ...Object.entries<any>(body?.examples ?? {}).map(([name, e]): [string, any, unknown] => [`body ${name}`, ajv.compile(body.schema), e.value]),
              ...media
                .filter(([, m]) => m?.schema?.$ref)
                .flatMap(([status, m]) => {
                  const validate = ajv.getSchema(`https://skinior.test/openapi${m.schema.$ref}`)!
                  const examples = Object.entries<any>(m.examples ?? {}).map(([name, e]) => [`${status} ${name}`, e.value])
                  if (m.example) examples.push([`${status} example`, m.example])
                  return examples.map(([name, value]): [string, any, unknown] => [name, validate, value])
                }),
            ]
            for (const [name, validate, value] of checks) {
              validate(value)
              expect([method, path, name, validate.errors ?? null]).toEqual([method, path, name, null])
              checked++
            }
          }
        }
        expect(checked).toBeGreaterThan(150)
      })

      it("documents the search's filters object as a deepObject parameter", () => {
        const filters = doc.paths["/api/v1/products/search"].get.parameters.find((p: any) => p.name === "filters")
        expect(filters).toMatchObject({ in: "query", style: "deepObject", explode: true, required: false })
        expect(Object.keys(filters.schema.properties)).toEqual(["category", "minPrice", "maxPrice", "inStock", "skinType", "concern"])
      })

      it("is public and cacheable: ETag, then 304 on If-None-Match", async () => {
        const first = await api.get("/api/v1/openapi.json")
        expect(first.status).toBe(200)
        expect(first.headers["content-type"]).toMatch(/^application\/json/)
        expect(first.headers["cache-control"]).toBe("public, max-age=0, s-maxage=30, stale-while-revalidate=60")
        const etag = first.headers["etag"]
        expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/)
        const again = await api.get("/api/v1/openapi.json", { headers: { "If-None-Match": etag }, ...anyStatus })
        expect(again.status).toBe(304)
        expect(again.data).toBe("")
      })

      it("matches the committed Postman collection (npm run docs:postman)", () => {
        const generated = toPostmanCollection(doc)
        const requests = generated.item.flatMap((folder: any) => folder.item)
        expect(requests).toHaveLength(documentedOperations(doc).length)
        const committed = JSON.parse(readFileSync(join(__dirname, "..", "..", "docs", "skinior.postman_collection.json"), "utf8"))
        expect(committed).toEqual(JSON.parse(JSON.stringify(generated)))
      })
    })

    describe("real answers match their documented schemas", () => {
      it("products: list, search, detail, reviews", async () => {
        expectDocumented("get", "/api/v1/products", await api.get("/api/v1/products?currency=JOD"))
        expectDocumented("get", "/api/v1/products/search", await api.get("/api/v1/products/search?q=serum"))
        expectDocumented("get", "/api/v1/products/{id}", await api.get(`/api/v1/products/${serum.productId}`))
        expectDocumented("get", "/api/v1/products/{id}/reviews", await api.get(`/api/v1/products/${serum.productId}/reviews`))
        expectDocumented("get", "/api/v1/products/{id}", await api.get("/api/v1/products/prod_nothing", anyStatus))
        expectDocumented("get", "/api/v1/products", await api.get("/api/v1/products?limit=101", anyStatus))
      })

      it("a guest's cash-on-delivery checkout in Jordan: cart, item, quote, order, payment", async () => {
        const created = await api.post("/api/v1/cart", { currency: "JOD" })
        expect(created.status).toBe(201)
        expectDocumented("post", "/api/v1/cart", created)
        const cartId = created.data.data.id
        const added = await api.post(`/api/v1/cart/${cartId}/items`, { productId: serum.productId, variantId: serum.id, quantity: 2 })
        expectDocumented("post", "/api/v1/cart/{cartId}/items", added)
        expect(added.data.data).toMatchObject({ subtotal: 43000, itemCount: 2, currency: "JOD" })
        expectDocumented("get", "/api/v1/cart/{cartId}", await api.get(`/api/v1/cart/${cartId}`))
        expectDocumented(
          "get",
          "/api/v1/inventory/{productId}/variants/{variantId}",
          await api.get(`/api/v1/inventory/${serum.productId}/variants/${serum.id}`)
        )

        const quote = await api.post("/api/v1/checkout/shipping", {
          cartId,
          shippingAddress: { country: "JO", city: "Amman", governorate: "JO-AM", street: "Queen Rania Street" },
        })
        expectDocumented("post", "/api/v1/checkout/shipping", quote)
        expect(quote.data.data.methods.map((m: any) => [m.id, m.price])).toEqual([
          ["standard", 5000],
          ["express", 10000],
          ["same_day", 15000],
        ])

        const placed = await api.post("/api/v1/orders", {
          cartId,
          shippingAddress: ammanAddress(),
          shippingMethod: "standard",
          paymentMethod: "cash_on_delivery",
        })
        expect(placed.status).toBe(201)
        expectDocumented("post", "/api/v1/orders", placed)
        expect(placed.data.data).toMatchObject({ subtotal: 43000, shipping: 5000, total: 48000, tax: 6621, status: "pending" })

        const orderId = placed.data.data.id
        const paid = await api.post(`/api/v1/orders/${orderId}/payment`, { paymentMethod: "cash_on_delivery" })
        expectDocumented("post", "/api/v1/orders/{id}/payment", paid)
        expect(paid.data.data.order).toMatchObject({ status: "confirmed", paymentStatus: "pending" })
        expectDocumented("get", "/api/v1/orders/{id}", await api.get(`/api/v1/orders/${orderId}`))
        expectDocumented("get", "/api/v1/orders/{id}", await api.get("/api/v1/orders/order_unknown", anyStatus))
        expectDocumented("get", "/api/v1/cart/{cartId}", await api.get("/api/v1/cart/cart_unknown", anyStatus))
      })

      it("a customer: register, account, sign in, refresh", async () => {
        const registered = await api.post("/api/v1/customers", {
          email: "docs@example.com",
          password: "correct horse battery",
          firstName: "Dana",
          lastName: "Nasser",
          skinType: "dry",
          skinConcerns: ["dryness"],
        })
        expect(registered.status).toBe(201)
        expectDocumented("post", "/api/v1/customers", registered)
        const headers = { authorization: `Bearer ${registered.data.data.tokens.accessToken}` }
        expectDocumented("get", "/api/v1/customers/{customerId}", await api.get("/api/v1/customers/me", { headers }))
        expectDocumented("get", "/api/v1/orders", await api.get("/api/v1/orders", { headers }))
        const login = await api.post("/api/v1/auth/login", { email: "docs@example.com", password: "correct horse battery" })
        expectDocumented("post", "/api/v1/auth/login", login)
        expectDocumented("post", "/api/v1/auth/refresh", await api.post("/api/v1/auth/refresh", { refreshToken: login.data.data.refreshToken }))
        expectDocumented("post", "/api/v1/auth/login", await api.post("/api/v1/auth/login", { email: "docs@example.com", password: "wrong password!" }, anyStatus))
      })
    })

    describe("GET /api/v1/products/search with the filters object", () => {
      const search = (query: string) => api.get(`/api/v1/products/search?${query}`, anyStatus)
      const ids = (res: { data: { data: { id: string }[] } }) => res.data.data.map((p) => p.id)

      it("filters like the flat parameters", async () => {
        const nested = await search("q=serum&filters%5Bcategory%5D=serums&filters%5BminPrice%5D=3000&limit=100")
        expect(nested.status).toBe(200)
        expect(nested.data.data.length).toBeGreaterThan(0)
        for (const product of nested.data.data) {
          expect(product.category).toBe("serums")
          expect(product.price).toBeGreaterThanOrEqual(3000)
        }
        const flat = await search("q=serum&category=serums&minPrice=3000&limit=100")
        expect(ids(nested)).toEqual(ids(flat))
        expect(nested.data.pagination).toEqual(flat.data.pagination)
        // Without the price filter there are more: it did filter.
        const unfiltered = await search("q=serum&filters%5Bcategory%5D=serums&limit=100")
        expect(unfiltered.data.pagination.total).toBeGreaterThan(nested.data.pagination.total)
        // Mixed: one key each way.
        expect(ids(await search("q=serum&category=serums&filters%5BminPrice%5D=3000&limit=100"))).toEqual(ids(flat))
      })

      it.each([
        ["q=serum&category=serums&filters%5Bcategory%5D=creams", "filters.category"],
        ["q=serum&filters%5Bcolour%5D=red", "filters.colour"],
        ["q=serum&filters%5BminPrice%5D=-1", "filters.minPrice"],
        ["q=serum&filters%5BminPrice%5D=5000&filters%5BmaxPrice%5D=1000", "minPrice"],
        ["q=serum&filters=serums", "filters"],
      ])("answers 400 for %s", async (query, field) => {
        const res = await search(query)
        expect(res.status).toBe(400)
        expect(res.data.error.code).toBe("VALIDATION_ERROR")
        expect(res.data.error.details.map((d: { field: string }) => d.field)).toEqual([field])
        expectDocumented("get", "/api/v1/products/search", res)
      })
    })

    describe("GET /api/v1/docs", () => {
      it("serves Swagger UI with only the shop's own files", async () => {
        const page = await api.get("/api/v1/docs")
        expect(page.status).toBe(200)
        expect(page.headers["content-type"]).toBe("text/html; charset=utf-8")
        const html: string = page.data
        expect(html).not.toMatch(/https?:\/\//)
        expect(html).not.toMatch(/\/\/[a-z0-9.-]+\.[a-z]{2,}\//i)
        const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).sort()
        expect(sources).toEqual(DOCS_ASSET_NAMES.map((name) => `/api/v1/docs/${name}`).sort())
        expect(page.headers["content-security-policy"]).toMatch(/^default-src 'self'; script-src 'self';/)
      })

      it.each([
        ["swagger-ui.css", "text/css; charset=utf-8", 100_000],
        ["swagger-ui-bundle.js", "application/javascript; charset=utf-8", 1_000_000],
        ["docs.js", "application/javascript; charset=utf-8", 200],
        ["favicon-32x32.png", "image/png", 500],
      ])("serves %s", async (name, type, atLeast) => {
        const res = await api.get(`/api/v1/docs/${name}`, { responseType: "arraybuffer" })
        expect(res.status).toBe(200)
        expect(res.headers["content-type"]).toBe(type)
        expect(Number(res.headers["content-length"])).toBeGreaterThan(atLeast)
        expect(res.headers["cache-control"]).toBe("public, max-age=86400")
        const cached = await api.get(`/api/v1/docs/${name}`, { headers: { "If-None-Match": res.headers["etag"] }, ...anyStatus })
        expect(cached.status).toBe(304)
      })

      it("points Swagger UI at the document and never at Swagger's online validator", async () => {
        const script: string = (await api.get("/api/v1/docs/docs.js")).data
        expect(script).toContain('url: "/api/v1/openapi.json"')
        expect(script).toContain("validatorUrl: null")
      })

      it("answers 404 in the contract's shape for any other file", async () => {
        for (const name of ["index.html", "package.json", "swagger-ui-bundle.js.map", "..%2Fpackage.json"]) {
          const res = await api.get(`/api/v1/docs/${name}`, anyStatus)
          expect([name, res.status, res.data.error?.code]).toEqual([name, 404, "RESOURCE_NOT_FOUND"])
        }
      })
    })
  },
})

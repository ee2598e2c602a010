import express from "express"
import { findRoute, RouteLayer } from "../route-index"

const noop = (_req: unknown, _res: unknown, next: () => void) => next()

/** An express app shaped like Medusa's: global middlewares, routes with params, method-scoped middlewares, odd patterns. */
function app() {
  const a = express()
  a.use("/", noop)
  a.use("/api/v1*", noop)
  a.get("/api/v1/products", noop)
  a.get("/api/v1/products/search", noop)
  a.get("/api/v1/products/:id", noop)
  a.get("/api/v1/products/:id/reviews", noop)
  a.post("/api/v1/products/:id/reviews", noop)
  a.post("/api/v1/cart*", noop)
  a.put("/api/v1/cart/:cartId/items/:itemId", noop)
  a.get(/^\/api\/v1\/regex\/(\d+)$/, noop)
  a.get("/api/v1/optional/:id?", noop)
  a.get("/Admin/Products/:id", noop)
  a.all("/api/v1/anything", noop)
  a.delete("/api/v1/products/:id", noop)
  a.get("/api/v1/ver.sion", noop)
  for (let i = 0; i < 300; i++) a.get(`/admin/thing-${i}/:id`, noop)
  return a
}

/** What the middlewares did before the index: the first route layer, in stack order, by method and regexp. */
function linear(a: express.Express, method: string, path: string) {
  const stack: RouteLayer[] = (a as any)._router.stack
  const m = method.toLowerCase()
  for (const layer of stack) {
    if (!layer.route) continue
    const methods = layer.route.methods
    if (!(methods[m] || methods._all || (m === "head" && methods.get))) continue
    const match = layer.regexp.exec(path)
    if (match) return { layer, match: [...match] }
  }
  return undefined
}

describe("findRoute", () => {
  const a = app()
  const paths = [
    "/api/v1/products",
    "/api/v1/products/",
    "/api/v1/products//",
    "/API/V1/PRODUCTS",
    "/api/v1/products/search",
    "/api/v1/products/prod_1",
    "/api/v1/products/prod%2F1",
    "/api/v1/products/prod_1/reviews",
    "/api/v1/products/prod_1/reviews/",
    "/api/v1/products//reviews",
    "/api/v1/products/a/b/c",
    "/api/v1/cart",
    "/api/v1/cart/c1/items/i1",
    "/api/v1/cartoon",
    "/api/v1/regex/42",
    "/api/v1/regex/x",
    "/api/v1/optional",
    "/api/v1/optional/7",
    "/admin/products/p1",
    "/admin/thing-299/x",
    "/admin/thing-300/x",
    "/api/v1/anything",
    "/api/v1/ver.sion",
    "/api/v1/verXsion",
    "/api/v1/nope",
    "/",
    "",
    "http://example.com/api/v1/products",
  ]
  const methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"]

  it.each(methods)("answers what a walk of express's stack answers, %s", (method) => {
    let routed = 0
    for (const path of paths) {
      const found = findRoute({ app: a, method } as any, path)
      const expected = linear(a, method, path)
      expect([path, found?.layer]).toEqual([path, expected?.layer])
      expect(found && [...found.match]).toEqual(expected?.match)
      if (found) routed++
    }
    // Not a vacuous comparison: every method has routes among these paths.
    expect(routed).toBeGreaterThan(0)
  })

  it("rebuilds when routes are added after the first lookup", () => {
    const b = app()
    expect(findRoute({ app: b, method: "GET" } as any, "/api/v1/late")).toBeUndefined()
    b.get("/api/v1/late", noop)
    expect(findRoute({ app: b, method: "GET" } as any, "/api/v1/late")?.layer.route?.path).toBe("/api/v1/late")
  })

  it("finds nothing without a router", () => {
    expect(findRoute({ app: {}, method: "GET" } as any, "/api/v1/products")).toBeUndefined()
  })
})

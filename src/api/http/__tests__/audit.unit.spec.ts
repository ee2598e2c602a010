import { EventEmitter } from "node:events"
import { auditAdmin } from "../audit"
import { auditActorOf, auditDetailsOf, entityIdsOf, isAudited, noteKeyUse, resetKeyUseThrottle, routeOf } from "../../../lib/audit"

describe("audit: who, what, which entities", () => {
  it("maps Medusa's auth_context to an actor", () => {
    expect(auditActorOf({ actor_type: "user", actor_id: "user_1" })).toEqual({ actor_type: "user", actor_id: "user_1" })
    expect(auditActorOf({ actor_type: "api-key", actor_id: "apk_1" })).toEqual({ actor_type: "api_key", actor_id: "apk_1" })
    expect(auditActorOf(undefined)).toEqual({ actor_type: "anonymous", actor_id: null })
    expect(auditActorOf({ actor_type: "user", actor_id: "" })).toEqual({ actor_type: "anonymous", actor_id: null })
  })

  it("audits changes always and reads only when made with a secret key", () => {
    expect(["POST", "PUT", "PATCH", "DELETE"].map((m) => isAudited(m, { actor_type: "user", actor_id: "u" }))).toEqual([true, true, true, true])
    expect(isAudited("GET", { actor_type: "user", actor_id: "u" })).toBe(false)
    expect(isAudited("GET", { actor_type: "api-key", actor_id: "apk_1" })).toBe(true)
  })

  it("takes ids from route params, the answer's object, a delete and a batch; never from lists", () => {
    expect(entityIdsOf({ id: "prod_1" }, { product: { id: "prod_1", title: "x" } })).toEqual(["prod_1"])
    expect(entityIdsOf({ id: "prod_1", variant_id: "var_1" }, { id: "var_1", object: "variant", deleted: true })).toEqual(["prod_1", "var_1"])
    expect(entityIdsOf({}, { created: [{ id: "a" }], updated: [{ id: "b" }], deleted: { ids: ["c"], object: "product" } })).toEqual(["a", "b", "c"])
    expect(entityIdsOf({}, { products: [{ id: "a" }], count: 1 })).toEqual([])
    expect(entityIdsOf(undefined, "text")).toEqual([])
    expect(entityIdsOf({}, { created: Array.from({ length: 80 }, (_, i) => ({ id: `p${i}` })) })).toHaveLength(50)
  })

  it("keeps field names and an error's type, never values or messages", () => {
    expect(auditDetailsOf({ email: "a@b.c", password: "hunter22" }, 200, { user: {} })).toEqual({ fields: ["email", "password"] })
    expect(auditDetailsOf({}, 400, { type: "invalid_data", message: "Bad value hunter22" })).toEqual({ error_type: "invalid_data" })
    expect(auditDetailsOf(undefined, 204, undefined)).toBeNull()
  })

  it("names the route pattern express answered under, with its params read off the path", () => {
    expect(routeOf({ route: { path: "/admin/products/:id" }, path: "/admin/products/prod_1", method: "POST", params: {} })).toEqual({
      pattern: "/admin/products/:id",
      params: { id: "prod_1" },
    })
    const layer = (path: string, method: string) => ({
      route: { path, _handles_method: (m: string) => m === method },
      match(p: string) {
        const ok = new RegExp(`^${path.replace(/:[^/]+/g, "([^/]+)")}$`).exec(p)
        if (ok) this.params = { id: ok[1] }
        return !!ok
      },
      params: undefined as any,
    })
    const app = { _router: { stack: [layer("/admin/products/:id", "GET"), layer("/admin/products/:id", "POST")] } }
    expect(routeOf({ path: "/admin/products/prod_2", method: "POST", app })).toEqual({ pattern: "/admin/products/:id", params: { id: "prod_2" } })
    expect(routeOf({ path: "/admin/nothing", method: "POST", app })).toEqual({ pattern: "/admin/nothing", params: {} })
  })

  it("sets a key's last use at most once a minute per process", async () => {
    resetKeyUseThrottle()
    const raw = jest.fn().mockResolvedValue({})
    const container = { resolve: () => ({ raw }) } as any
    expect(await noteKeyUse(container, "apk_1", 1_000_000)).toBe(true)
    expect(await noteKeyUse(container, "apk_1", 1_030_000)).toBe(false)
    expect(await noteKeyUse(container, "apk_2", 1_030_000)).toBe(true)
    expect(await noteKeyUse(container, "apk_1", 1_060_000)).toBe(true)
    expect(raw).toHaveBeenCalledTimes(3)
    expect(raw.mock.calls[0][1]).toEqual(["apk_1"])
  })
})

describe("auditAdmin middleware", () => {
  const run = (record: jest.Mock, method = "POST") => {
    const warn = jest.fn()
    const scope = { resolve: (name: string) => (name === "audit" ? { record } : name === "logger" ? { warn } : { raw: jest.fn() }) }
    const req: any = { method, path: "/admin/products/prod_1", baseUrl: "", body: { title: "x" }, socket: { remoteAddress: "10.0.0.1" }, headers: { "x-forwarded-for": "203.0.113.9" }, scope, route: { path: "/admin/products/:id" }, auth_context: { actor_type: "user", actor_id: "user_1" } }
    const res: any = Object.assign(new EventEmitter(), { statusCode: 200, locals: { requestId: "req_1" }, json: jest.fn() })
    const next = jest.fn()
    auditAdmin(req, res, next)
    res.json({ product: { id: "prod_1" } })
    res.emit("finish")
    return { next, warn }
  }

  it("records after the answer, with what the answer said", async () => {
    const record = jest.fn().mockResolvedValue({ id: "aud_1" })
    const { next } = run(record)
    expect(next).toHaveBeenCalledWith()
    expect(record).toHaveBeenCalledWith({
      actor_type: "user",
      actor_id: "user_1",
      method: "POST",
      route: "/admin/products/:id",
      path: "/admin/products/prod_1",
      entity_ids: ["prod_1"],
      status: 200,
      request_id: "req_1",
      ip: "10.0.0.1",
      details: { fields: ["title"] },
    })
  })

  it("only warns when recording fails: the request is already answered", async () => {
    const record = jest.fn().mockRejectedValue(new Error("database down"))
    const { warn } = run(record)
    await new Promise((r) => setImmediate(r))
    expect(warn).toHaveBeenCalledWith("audit: could not record POST /admin/products/:id: database down")
  })

  it("never lets a bad request escape its finish listener", () => {
    const record = jest.fn(() => {
      throw new Error("not a promise")
    })
    const { warn } = run(record as any)
    expect(warn).toHaveBeenCalledWith("audit: could not record POST /admin/products/prod_1: not a promise")
  })

  it("leaves a user's read alone", () => {
    const record = jest.fn()
    run(record, "GET")
    expect(record).not.toHaveBeenCalled()
  })
})

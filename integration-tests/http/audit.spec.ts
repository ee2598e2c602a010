import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { AUDIT_MODULE } from "../../src/modules/audit"
import type AuditModuleService from "../../src/modules/audit/service"
import { SHIPPING_RULES_MODULE } from "../../src/modules/shipping-rules"
import { defaultShippingRules } from "../../src/modules/shipping-rules/defaults"
import type ShippingRulesModuleService from "../../src/modules/shipping-rules/service"
import { seedAdminUser } from "../../src/scripts/seed/admin-user"
import { adminHeaders } from "../helpers/admin"
import { eventually } from "../helpers/eventually"

jest.setTimeout(120 * 1000)

const anyStatus = { validateStatus: () => true }
const basic = (token: string) => ({ authorization: `Basic ${Buffer.from(`${token}:`).toString("base64")}` })

/** The audit log of admin acts (issue 13): rows for changes and key uses, the Admin list, append-only. */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let userId: string
    let productId: string
    let key: { id: string; token: string }

    /** The one entry a request left, found by its request id (written just after the answer). */
    const entryOf = (requestId: string) =>
      eventually(async () => {
        const rows = await getContainer()
          .resolve<any>(ContainerRegistrationKeys.PG_CONNECTION)("audit_entry")
          .where({ request_id: requestId })
        expect(rows).toHaveLength(1)
        return rows[0]
      }, 3000)

    beforeAll(async () => {
      const container = getContainer()
      await seedAdminUser({ container, report: () => {} } as any)
      await container
        .resolve<ShippingRulesModuleService>(SHIPPING_RULES_MODULE)
        .createShippingRules(defaultShippingRules())
      headers = await adminHeaders(api)
      userId = (await api.get("/admin/users/me", { headers })).data.user.id
      productId = (
        await api.post("/admin/products", { title: "Audit Serum", options: [{ title: "Size", values: ["30 ml"] }] }, { headers })
      ).data.product.id
      const created = (await api.post("/admin/api-keys", { title: "ERP sync", type: "secret" }, { headers })).data.api_key
      key = { id: created.id, token: created.token }
    })

    it("records a product edit through Medusa's /admin/products/:id: the user, route, entity, status, request id, field names", async () => {
      // No TRUST_PROXY here: a caller's X-Forwarded-For is not believed.
      const res = await api.post(`/admin/products/${productId}`, { title: "Audit Serum 2" }, { headers: { ...headers, "x-forwarded-for": "203.0.113.9" } })
      expect(res.status).toBe(200)
      const row = await entryOf(res.headers["x-request-id"])
      expect(row).toMatchObject({
        id: expect.stringMatching(/^aud_/),
        actor_type: "user",
        actor_id: userId,
        method: "POST",
        route: "/admin/products/:id",
        path: `/admin/products/${productId}`,
        entity_ids: [productId],
        status: 200,
        details: { fields: ["title"] },
      })
      expect(row.ip).toMatch(/^(127\.0\.0\.1|::1)$/)
      expect(row.occurred_at).toBeInstanceOf(Date)
      // A user's GET is no change: not recorded.
      const read = await api.get(`/admin/products/${productId}`, { headers })
      await new Promise((r) => setTimeout(r, 300))
      const reads = await getContainer()
        .resolve<any>(ContainerRegistrationKeys.PG_CONNECTION)("audit_entry")
        .where({ request_id: read.headers["x-request-id"] })
      expect(reads).toHaveLength(0)
    })

    it("takes a secret key on our own /admin route like Medusa's; every key use is recorded and sets last_used_at; revoked, it is refused", async () => {
      const [rule] = await getContainer()
        .resolve<ShippingRulesModuleService>(SHIPPING_RULES_MODULE)
        .listShippingRules({ governorate: "JO-AM", method: "standard" })
      const res = await api.post("/admin/shipping-rules", { rules: [{ id: rule.id, price: 6 }] }, { headers: basic(key.token) })
      expect(res.status).toBe(200)
      expect(res.data.shipping_rules.find((r: any) => r.id === rule.id).price).toBe(6)
      expect(await entryOf(res.headers["x-request-id"])).toMatchObject({
        actor_type: "api_key",
        actor_id: key.id,
        method: "POST",
        route: "/admin/shipping-rules",
        entity_ids: [],
        status: 200,
        details: { fields: ["rules"] },
      })
      // A read with the key is a key use too.
      const read = await api.get(`/admin/products/${productId}`, { headers: basic(key.token) })
      expect(read.status).toBe(200)
      expect(await entryOf(read.headers["x-request-id"])).toMatchObject({
        actor_type: "api_key",
        actor_id: key.id,
        method: "GET",
        route: "/admin/products/:id",
        entity_ids: [productId],
        status: 200,
      })
      // What Admin's key page shows as last use.
      const shown = await eventually(async () => {
        const { data } = await api.get(`/admin/api-keys/${key.id}`, { headers })
        expect(data.api_key.last_used_at).not.toBeNull()
        return data.api_key
      }, 3000)
      expect(Date.now() - new Date(shown.last_used_at).getTime()).toBeLessThan(60_000)
      // A wrong key is refused before any route runs (401).
      expect((await api.post("/admin/shipping-rules", { rules: [] }, { headers: basic("sk_bogus"), ...anyStatus })).status).toBe(401)
      // Revoked by a merchant (an audited act on the key): the key stops working.
      const revoke = await api.post(`/admin/api-keys/${key.id}/revoke`, {}, { headers })
      expect(revoke.status).toBe(200)
      expect(await entryOf(revoke.headers["x-request-id"])).toMatchObject({
        actor_type: "user",
        route: "/admin/api-keys/:id/revoke",
        entity_ids: [key.id],
        status: 200,
      })
      expect((await api.get(`/admin/products/${productId}`, { headers: basic(key.token), ...anyStatus })).status).toBe(401)
    })

    it("records a refused change with its status and error type, never the message", async () => {
      const res = await api.post(`/admin/products/${productId}`, { title: 5 }, { headers, ...anyStatus })
      expect(res.status).toBe(400)
      expect(await entryOf(res.headers["x-request-id"])).toMatchObject({
        actor_type: "user",
        actor_id: userId,
        route: "/admin/products/:id",
        entity_ids: [productId],
        status: 400,
        details: { fields: ["title"], error_type: "invalid_data" },
      })
      const missing = await api.post("/admin/products/prod_missing", { title: "Ghost" }, { headers, ...anyStatus })
      expect(missing.status).toBe(404)
      expect(await entryOf(missing.headers["x-request-id"])).toMatchObject({
        method: "POST",
        route: "/admin/products/:id",
        entity_ids: ["prod_missing"],
        status: 404,
        details: { error_type: "not_found" },
      })
    })

    it("keeps secret values out: a new key's token, an invite's token, a password", async () => {
      const keyRes = await api.post("/admin/api-keys", { title: "Second key", type: "secret" }, { headers })
      const invite = await api.post("/admin/invites", { email: "new.admin@skinior.com" }, { headers })
      expect(invite.status).toBe(200)
      const [stored] = await getContainer().resolve(Modules.USER).listInvites({ id: invite.data.invite.id }, { select: ["token"] })
      const rows = [await entryOf(keyRes.headers["x-request-id"]), await entryOf(invite.headers["x-request-id"])]
      expect(rows.map((r) => [r.route, r.entity_ids, r.details])).toEqual([
        ["/admin/api-keys", [keyRes.data.api_key.id], { fields: ["title", "type"] }],
        ["/admin/invites", [invite.data.invite.id], { fields: ["email"] }],
      ])
      const all = JSON.stringify(
        await getContainer().resolve<any>(ContainerRegistrationKeys.PG_CONNECTION)("audit_entry").select("*")
      )
      for (const secret of [keyRes.data.api_key.token, key.token, stored.token, headers.authorization.slice(7), "new.admin@skinior.com"]) {
        expect(secret.length).toBeGreaterThan(10)
        expect(all).not.toContain(secret)
      }
    })

    it("lists entries newest first in GET /admin/audit-entries, filtered by actor, entity, method and dates; 401 without auth", async () => {
      const audit = getContainer().resolve<AuditModuleService>(AUDIT_MODULE)
      const at = (min: number) => new Date(Date.UTC(2026, 0, 10, 12, min))
      await audit.record({ actor_type: "user", actor_id: "user_a", method: "POST", route: "/admin/x/:id", entity_ids: ["ent_1"], status: 200, occurred_at: at(1) })
      await audit.record({ actor_type: "api_key", actor_id: "apk_b", method: "DELETE", route: "/admin/x/:id", entity_ids: ["ent_2"], status: 200, occurred_at: at(2) })
      await audit.record({ actor_type: "system", method: "ACTION", route: "customer.erase", entity_ids: ["ent_1", "cus_9"], status: 200, occurred_at: at(3) })
      const list = async (query: string) => {
        const res = await api.get(`/admin/audit-entries?${query}`, { headers, ...anyStatus })
        return res
      }
      const window = `from=${at(0).toISOString()}&to=${at(59).toISOString()}`
      const all = await list(window)
      expect(all.status).toBe(200)
      expect(all.data).toMatchObject({ count: 3, limit: 20, offset: 0 })
      expect(all.data.audit_entries.map((e: any) => e.route)).toEqual(["customer.erase", "/admin/x/:id", "/admin/x/:id"])
      expect(Object.keys(all.data.audit_entries[0]).sort()).toEqual(
        ["actor_id", "actor_type", "details", "entity_ids", "id", "ip", "method", "occurred_at", "path", "request_id", "route", "status"]
      )
      const routesOf = async (q: string) => (await list(q)).data.audit_entries.map((e: any) => `${e.actor_type}:${e.method}`)
      expect(await routesOf(`${window}&entity_id=ent_1`)).toEqual(["system:ACTION", "user:POST"])
      expect(await routesOf(`${window}&actor_type=api_key`)).toEqual(["api_key:DELETE"])
      expect(await routesOf(`actor_id=user_a`)).toEqual(["user:POST"])
      expect(await routesOf(`${window}&method=DELETE`)).toEqual(["api_key:DELETE"])
      expect(await routesOf(`${window}&method=ACTION`)).toEqual(["system:ACTION"])
      expect(await routesOf(`from=${at(2).toISOString()}&to=${at(2).toISOString()}`)).toEqual(["api_key:DELETE"])
      const page = await list(`${window}&limit=1&offset=1`)
      expect(page.data).toMatchObject({ count: 3, limit: 1, offset: 1 })
      expect(page.data.audit_entries.map((e: any) => e.actor_type)).toEqual(["api_key"])
      expect((await list(`${window}&offset=5`)).data).toMatchObject({ count: 3, audit_entries: [] })
      // Our own entries are Medusa-admin-only and bounded.
      expect((await api.get("/admin/audit-entries", anyStatus)).status).toBe(401)
      expect((await list("actor_type=robot")).status).toBe(400)
      expect((await list("limit=101")).status).toBe(400)
      expect((await list("from=yesterday")).status).toBe(400)
      expect((await list(`entity_id=${"x".repeat(101)}`)).status).toBe(400)
      expect((await list("sort=asc")).status).toBe(400)
    })

    it("is append-only: the database refuses UPDATE and DELETE of an entry, whoever asks", async () => {
      const audit = getContainer().resolve<AuditModuleService>(AUDIT_MODULE)
      const { id } = await audit.record({ actor_type: "system", method: "ACTION", route: "test.append_only", status: 200 })
      const pg = getContainer().resolve<any>(ContainerRegistrationKeys.PG_CONNECTION)
      await expect(pg.raw("update audit_entry set status = 500 where id = ?", [id])).rejects.toThrow(/append-only: UPDATE refused/)
      await expect(pg.raw("delete from audit_entry where id = ?", [id])).rejects.toThrow(/append-only: DELETE refused/)
      await expect(audit.updateAuditEntries({ id, status: 500 })).rejects.toThrow(/append-only/)
      await expect(audit.softDeleteAuditEntries([id])).rejects.toThrow(/append-only/)
      await expect(audit.deleteAuditEntries([id])).rejects.toThrow(/append-only/)
      const [row] = await pg("audit_entry").where({ id })
      expect(row).toMatchObject({ status: 200, deleted_at: null })
    })
  },
})

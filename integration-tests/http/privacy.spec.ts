import { mkdtempSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import Ajv2020 from "ajv/dist/2020"
import addFormats from "ajv-formats"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { AUDIT_MODULE } from "../../src/modules/audit"
import type AuditModuleService from "../../src/modules/audit/service"
import { CUSTOMER_SESSION_MODULE } from "../../src/modules/customer-session"
import type CustomerSessionModuleService from "../../src/modules/customer-session/service"
import { IDEMPOTENCY_MODULE } from "../../src/modules/idempotency"
import type IdempotencyModuleService from "../../src/modules/idempotency/service"
import { STRIPE_EVENT_MODULE } from "../../src/modules/stripe-event"
import type StripeEventModuleService from "../../src/modules/stripe-event/service"
import { REVIEW_MODULE } from "../../src/modules/review"
import type ReviewModuleService from "../../src/modules/review/service"
import { SKIN_PROFILE_MODULE } from "../../src/modules/skin-profile"
import type SkinProfileModuleService from "../../src/modules/skin-profile/service"
import { DEVELOPMENT_PII_SECRET, openPii, piiKeyring, sealPii } from "../../src/lib/pii"
import { rotatePii } from "../../src/scripts/pii-rotate"
import { adminHeaders } from "../helpers/admin"
import { ammanAddress } from "../helpers/addresses"
import { seedShop, SeededVariant } from "../helpers/catalogue"

jest.setTimeout(240 * 1000)

const EMAIL_DIR = mkdtempSync(path.join(os.tmpdir(), "skinior-privacy-email-"))
process.env.LOCAL_EMAIL_DIR = EMAIL_DIR

const anyStatus = { validateStatus: () => true }
const ISO = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
const PASSWORD = "correct-horse-battery"
const EMAIL = "layla.haddad@example.com"

const savedAmman = {
  country: "JO",
  city: "Amman",
  governorate: "Amman",
  postalCode: "11118",
  street: "Queen Rania Street",
  building: "Building 15",
  apartment: "Apt 3A",
  firstName: "Layla",
  lastName: "Haddad",
  phone: "+962791234567",
  instructions: "Ring twice",
}
const shippingAddress = ammanAddress({ firstName: "Layla", lastName: "Haddad", email: EMAIL, phone: "+962791234567" })

/**
 * Privacy (DESIGN.md "Privacy", issue 13): the export of everything held about
 * a customer, erasure by the customer and by the merchant, both audited.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: { LOCAL_EMAIL_DIR: EMAIL_DIR },
  testSuite: ({ api, getContainer }) => {
    let shop: Awaited<ReturnType<typeof seedShop>>
    let essence: SeededVariant

    beforeAll(async () => {
      shop = await seedShop(getContainer())
      essence = shop.variant("SKN-TON-HE-150")
    })

    const register = async (email = EMAIL) => {
      const res = await api.post(
        "/api/v1/customers",
        {
          email,
          password: PASSWORD,
          firstName: "Layla",
          lastName: "Haddad",
          phone: "+962791234567",
          dateOfBirth: "1992-03-14",
          skinType: "combination",
          skinConcerns: ["acne"],
        },
        anyStatus
      )
      expect(res.status).toBe(201)
      const { tokens, ...customer } = res.data.data
      return { customer, tokens, headers: { authorization: `Bearer ${tokens.accessToken}` } }
    }

    /** A customer with a saved address, a cash-on-delivery order, a review and an open cart. */
    const layla = async () => {
      const who = await register()
      const { headers } = who
      const saved = await api.post("/api/v1/customers/me/addresses", savedAmman, { headers, ...anyStatus })
      expect(saved.status).toBe(201)
      const cart = (await api.post("/api/v1/cart", { currency: "JOD" }, { headers })).data.data
      await api.post(`/api/v1/cart/${cart.id}/items`, { productId: essence.productId, variantId: essence.id, quantity: 1 }, { headers })
      const placed = await api.post(
        "/api/v1/orders",
        { cartId: cart.id, shippingAddress, shippingMethod: "standard", paymentMethod: "cash_on_delivery" },
        { headers: { ...headers, "idempotency-key": "privacy-order-1" }, ...anyStatus }
      )
      expect(placed.status).toBe(201)
      const review = await api.post(
        `/api/v1/products/${essence.productId}/reviews`,
        { rating: 5, title: "Lovely", body: "My skin feels calm." },
        { headers, ...anyStatus }
      )
      expect(review.status).toBe(201)
      const open = (await api.post("/api/v1/cart", { currency: "USD" }, { headers })).data.data
      return { ...who, order: placed.data.data, review: review.data.data, savedAddress: saved.data.data, openCart: open }
    }

    /** The answer matches the schema the OpenAPI document gives for it (src/api/openapi/customers.ts). */
    const expectDocumented = async (method: string, path: string, res: { status: number; data: unknown }) => {
      const doc = (await api.get("/api/v1/openapi.json")).data
      const ajv = new Ajv2020({ strict: false, allErrors: true })
      addFormats(ajv)
      ajv.addSchema({ $id: "https://skinior.test/openapi", components: { schemas: doc.components.schemas } })
      const ref: string = doc.paths[path][method].responses[res.status].content["application/json"].schema.$ref
      const validate = ajv.getSchema(`https://skinior.test/openapi${ref}`)!
      expect(validate(res.data) ? null : validate.errors).toBeNull()
    }

    const auditOf = (entityId: string) =>
      (getContainer().resolve(AUDIT_MODULE) as AuditModuleService).search({ entity_id: entityId, limit: 20, offset: 0 })

    it("exports everything held about the customer as a JSON download, to the customer and the merchant, audited; 401/403 otherwise", async () => {
      const { customer, headers, order, review, savedAddress, openCart } = await layla()
      const other = await register("omar@example.com")

      const res = await api.get("/api/v1/customers/me/export", { headers, ...anyStatus })
      expect(res.status).toBe(200)
      expect(res.headers["content-disposition"]).toMatch(
        new RegExp(`^attachment; filename="skinior-customer-${customer.id}-\\d{4}-\\d{2}-\\d{2}\\.json"$`)
      )
      const doc = res.data.data
      const orderNow = (await api.get(`/api/v1/orders/${order.id}`, { headers })).data.data
      expect(doc).toEqual({
        exportedAt: ISO,
        account: {
          id: customer.id,
          email: EMAIL,
          firstName: "Layla",
          lastName: "Haddad",
          phone: "+962791234567",
          hasAccount: true,
          emailVerified: false,
          createdAt: customer.createdAt,
          updatedAt: ISO,
        },
        addresses: [savedAddress],
        skinProfile: { skinType: "combination", skinConcerns: ["acne"], dateOfBirth: "1992-03-14" },
        orders: [orderNow],
        reviews: [review],
        consents: {
          recorded: [],
          note: "Skinior records no consents: it sends no marketing email and keeps no newsletter or tracking consent. Emails sent are those the service needs (email verification, password reset, order confirmation).",
        },
        // Registration is a login: one session, described without its token or hash.
        sessions: [{ id: expect.stringMatching(/^crt_/), family: expect.any(String), createdAt: ISO, expiresAt: ISO, usedAt: null, revokedAt: null }],
        carts: [
          {
            id: expect.any(String),
            currency: "JOD",
            email: EMAIL,
            items: [{ productId: essence.productId, variantId: essence.id, productTitle: expect.any(String), variantTitle: expect.any(String), quantity: 1 }],
            shippingAddress: expect.objectContaining({ firstName: "Layla", street: "Queen Rania Street", country: "JO" }),
            billingAddress: expect.objectContaining({ firstName: "Layla" }),
            completedAt: ISO,
            createdAt: ISO,
            updatedAt: ISO,
          },
          {
            id: openCart.id,
            currency: "USD",
            email: EMAIL,
            items: [],
            // A new cart carries its region's country only (src/workflows/hooks/cart-created.ts).
            shippingAddress: {
              firstName: null,
              lastName: null,
              email: EMAIL,
              phone: null,
              country: "US",
              city: null,
              governorate: null,
              postalCode: null,
              street: null,
              building: null,
              apartment: null,
              instructions: null,
            },
            billingAddress: null,
            completedAt: null,
            createdAt: ISO,
            updatedAt: ISO,
          },
        ],
        emails: expect.arrayContaining([
          expect.objectContaining({ channel: "email", template: expect.any(String), to: EMAIL, createdAt: ISO }),
        ]),
      })
      expect(JSON.stringify(doc)).not.toMatch(/token_hash|[0-9a-f]{64}/)
      await expectDocumented("get", "/api/v1/customers/{customerId}/export", res)
      expect(orderNow.shippingAddress).toMatchObject({ firstName: "Layla", street: "Queen Rania Street", phone: "+962791234567" })
      expect((await api.get(`/api/v1/customers/${customer.id}/export`, { headers })).data.data.account).toEqual(doc.account)

      // Nobody else: no token 401, another customer's token 403 (an unknown id too).
      const none = await api.get(`/api/v1/customers/${customer.id}/export`, anyStatus)
      expect(none.status).toBe(401)
      expect(none.data.error.code).toBe("AUTHENTICATION_ERROR")
      const foreign = await api.get(`/api/v1/customers/${customer.id}/export`, { headers: other.headers, ...anyStatus })
      expect(foreign.status).toBe(403)
      expect(foreign.data.error).toMatchObject({ code: "AUTHORIZATION_ERROR", message: "You can only access your own customer record" })

      // The merchant downloads the same document; customers' tokens are not admin tokens.
      const admin = await adminHeaders(api)
      const merchant = await api.get(`/admin/customers/${customer.id}/export`, { headers: admin, ...anyStatus })
      expect(merchant.status).toBe(200)
      expect(merchant.headers["content-disposition"]).toMatch(/^attachment; filename="skinior-customer-cus_/)
      expect({ ...merchant.data.customer_export, exportedAt: null }).toEqual({ ...doc, exportedAt: null })
      expect((await api.get(`/admin/customers/${customer.id}/export`, { headers, ...anyStatus })).status).toBe(401)
      expect((await api.get("/admin/customers/cus_01NOTACUSTOMER/export", { headers: admin, ...anyStatus })).status).toBe(404)

      const { entries } = await auditOf(customer.id)
      const exports = entries.filter((e) => e.route === "customer.export")
      expect(exports.map((e) => [e.actor_type, e.actor_id, e.method, e.status])).toEqual([
        ["user", expect.stringMatching(/^user_/), "GET", 200],
        ["customer", customer.id, "GET", 200],
        ["customer", customer.id, "GET", 200],
      ])
      expect(exports[2]).toMatchObject({
        path: "/api/v1/customers/me/export",
        entity_ids: [customer.id],
        request_id: res.headers["x-request-id"],
        details: { addresses: 1, orders: 1, reviews: 1, sessions: 1, carts: 2, emails: doc.emails.length },
      })
    })

    it("erases the caller's account: login dies, customer gone, the merchant still reads the orders without personal fields; audited", async () => {
      const { customer, headers, tokens, order, review, openCart } = await layla()
      const other = await register("omar@example.com")
      const base = `/api/v1/customers/${customer.id}`

      expect((await api.delete(base, anyStatus)).status).toBe(401)
      const foreign = await api.delete(base, { headers: other.headers, ...anyStatus })
      expect(foreign.status).toBe(403)
      expect(foreign.data.error.code).toBe("AUTHORIZATION_ERROR")

      const container = getContainer()
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const cartIds = (await query.graph({ entity: "cart", fields: ["id"], filters: { customer_id: customer.id } })).data.map((c) => c.id)
      expect(cartIds).toHaveLength(2)
      expect(cartIds).toContain(openCart.id)

      const erased = await api.delete("/api/v1/customers/me", { headers, ...anyStatus })
      expect(erased.status).toBe(200)
      expect(erased.data).toEqual({ data: { id: customer.id, deleted: true }, message: "Account and personal data erased" })
      await expectDocumented("delete", "/api/v1/customers/{customerId}", erased)

      // The login, the refresh token and the record are gone, on /api/v1 and Medusa's /auth alike.
      const login = await api.post("/api/v1/auth/login", { email: EMAIL, password: PASSWORD }, anyStatus)
      expect(login.status).toBe(401)
      expect((await api.post("/auth/customer/emailpass", { email: EMAIL, password: PASSWORD }, anyStatus)).status).toBe(401)
      expect((await api.post("/api/v1/auth/refresh", { refreshToken: tokens.refreshToken }, anyStatus)).status).toBe(401)
      expect((await api.get("/api/v1/customers/me", { headers, ...anyStatus })).status).toBe(404)
      expect(await container.resolve(Modules.CUSTOMER).listCustomers({ id: customer.id }, { withDeleted: true })).toEqual([])
      expect(await container.resolve(Modules.CUSTOMER).listCustomerAddresses({ customer_id: customer.id })).toEqual([])
      expect(await (container.resolve(SKIN_PROFILE_MODULE) as SkinProfileModuleService).listSkinProfiles({ customer_id: customer.id })).toEqual([])
      expect(await (container.resolve(CUSTOMER_SESSION_MODULE) as CustomerSessionModuleService).listCustomerRefreshTokens({ customer_id: customer.id })).toEqual([])
      expect(await container.resolve(Modules.AUTH).listProviderIdentities({ entity_id: EMAIL })).toEqual([])

      // The merchant's order: items, totals, country and governorate stay; who and where are gone.
      const admin = await adminHeaders(api)
      const read = await api.get(`/admin/orders/${order.id}`, {
        headers: admin,
        params: { fields: "id,email,total,currency_code,metadata,*items,*shipping_address,*billing_address" },
        ...anyStatus,
      })
      expect(read.status).toBe(200)
      const kept = read.data.order
      expect(kept.email).toBeNull()
      expect(kept.currency_code).toBe("jod")
      expect(Math.round(Number(kept.total) * 1000)).toBe(order.total)
      expect(kept.items.map((i: { variant_id: string; quantity: number }) => [i.variant_id, i.quantity])).toEqual([[essence.id, 1]])
      for (const address of [kept.shipping_address, kept.billing_address]) {
        expect(address).toMatchObject({
          first_name: null,
          last_name: null,
          phone: null,
          address_1: null,
          address_2: null,
          city: null,
          postal_code: null,
          company: null,
          metadata: null,
          country_code: "jo",
          province: "JO-AM",
        })
      }
      expect(kept.metadata.personal_data_erased_at).toEqual(ISO)
      // On the customer-facing API the order answers to nobody now: not by id alone, not with the old token.
      expect((await api.get(`/api/v1/orders/${order.id}`, anyStatus)).status).toBe(404)
      expect((await api.get(`/api/v1/orders/${order.id}`, { headers, ...anyStatus })).status).toBe(404)
      expect(JSON.stringify(read.data)).not.toMatch(/Layla|Haddad|Queen Rania|\+962791234567|layla\.haddad/i)

      // Carts lose email, owner and addresses; the review stays, anonymised; the kept idempotent answer is gone.
      const { data: carts } = await query.graph({
        entity: "cart",
        fields: ["id", "email", "customer_id", "shipping_address.first_name", "shipping_address.address_1", "shipping_address.country_code"],
        filters: { id: cartIds },
      })
      expect(carts).toHaveLength(2)
      for (const cart of carts) {
        expect(cart).toMatchObject({ email: null, customer_id: null })
        if (cart.shipping_address) expect(cart.shipping_address).toMatchObject({ first_name: null, address_1: null, country_code: expect.stringMatching(/^(jo|us)$/) })
      }
      // The emails sent stay as facts (template, time) without recipient or data.
      const sent = await container.resolve(Modules.NOTIFICATION).listNotifications({ receiver_id: customer.id } as never)
      expect(sent.length).toBeGreaterThanOrEqual(1)
      for (const n of sent) expect(n).toMatchObject({ to: "erased", data: null })
      const [kept_review] = await (container.resolve(REVIEW_MODULE) as ReviewModuleService).listReviews({ id: review.id })
      expect(kept_review).toMatchObject({ author_name: "Former customer", customer_id: `erased_${review.id}`, rating: 5 })
      const kept_answers = await (container.resolve(IDEMPOTENCY_MODULE) as IdempotencyModuleService).listIdempotencyRecords({})
      expect(JSON.stringify(kept_answers)).not.toMatch(/Queen Rania|layla\.haddad/i)

      // The email is free again.
      expect((await register()).customer.id).not.toBe(customer.id)

      const { entries } = await auditOf(customer.id)
      const erasures = entries.filter((e) => e.route === "customer.erase")
      expect(erasures).toHaveLength(1)
      expect(erasures[0]).toMatchObject({
        actor_type: "customer",
        actor_id: customer.id,
        method: "DELETE",
        path: "/api/v1/customers/me",
        entity_ids: [customer.id, order.id],
        status: 200,
        request_id: erased.headers["x-request-id"],
        details: {
          orders_anonymised: 1,
          carts_anonymised: 2,
          reviews_anonymised: 1,
          sessions_deleted: 1,
          skin_profiles_deleted: 1,
          auth_identities_removed: 1,
          idempotency_records_deleted: 1,
          account_holders_deleted: 0,
          fulfillment_addresses_anonymised: 0,
          stripe_events_scrubbed: 0,
          notifications_scrubbed: expect.any(Number),
        },
      })
      expect(JSON.stringify(erasures[0])).not.toMatch(/Layla|Haddad|layla\.haddad|Queen Rania/i)
    })

    it("erases through Admin: POST /admin/customers/:id/erase by the merchant, audited as the user; 401 and 404 otherwise", async () => {
      const { customer, headers, order } = await layla()
      const admin = await adminHeaders(api)
      const url = `/admin/customers/${customer.id}/erase`
      expect((await api.post(url, {}, anyStatus)).status).toBe(401)
      expect((await api.post(url, {}, { headers, ...anyStatus })).status).toBe(401)
      expect((await api.post("/admin/customers/cus_01NOTACUSTOMER/erase", {}, { headers: admin, ...anyStatus })).status).toBe(404)

      // Fulfilled, so the address is also in the fulfillment; a Stripe event about the order names the payer.
      const { data: detail } = await api.get(`/admin/orders/${order.id}?fields=id,*items`, { headers: admin })
      const items = detail.order.items.map((i: { id: string; quantity: number }) => ({ id: i.id, quantity: i.quantity }))
      expect((await api.post(`/admin/orders/${order.id}/fulfillments`, { items }, { headers: admin, ...anyStatus })).status).toBe(200)
      const stripeEvents: StripeEventModuleService = getContainer().resolve(STRIPE_EVENT_MODULE)
      const event = await stripeEvents.createStripeEvents({
        event_id: "evt_privacy_1",
        type: "charge.succeeded",
        object_id: "ch_privacy_1",
        order_id: order.id,
        stripe_created_at: new Date(),
        payload: {
          id: "evt_privacy_1",
          data: { object: { id: "ch_privacy_1", amount: 1000, billing_details: { name: "Layla Haddad", email: EMAIL, address: { line1: "Queen Rania Street" } } } },
        },
      })

      const res = await api.post(url, {}, { headers: admin, ...anyStatus })
      expect(res.status).toBe(200)
      expect(res.data).toEqual({
        id: customer.id,
        object: "customer",
        deleted: true,
        erasure: {
          customer_id: customer.id,
          orders_anonymised: 1,
          fulfillment_addresses_anonymised: 1,
          stripe_events_scrubbed: 1,
          carts_anonymised: 2,
          reviews_anonymised: 1,
          notifications_scrubbed: expect.any(Number),
          idempotency_records_deleted: 1,
          sessions_deleted: 1,
          skin_profiles_deleted: 1,
          auth_identities_removed: 1,
          account_holders_deleted: 0,
        },
      })
      expect((await api.get(`/admin/customers/${customer.id}`, { headers: admin, ...anyStatus })).status).toBe(404)
      expect((await api.post("/api/v1/auth/login", { email: EMAIL, password: PASSWORD }, anyStatus)).status).toBe(401)
      const kept = (await api.get(`/admin/orders/${order.id}`, { headers: admin, params: { fields: "id,email,*shipping_address" } })).data.order
      expect(kept).toMatchObject({ email: null, shipping_address: { first_name: null, address_1: null, country_code: "jo" } })
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: fulfilled } = await query.graph({
        entity: "order",
        fields: ["fulfillments.delivery_address.*"],
        filters: { id: order.id },
      })
      expect(fulfilled[0].fulfillments).toHaveLength(1)
      expect(fulfilled[0].fulfillments![0]!.delivery_address).toMatchObject({
        first_name: null,
        last_name: null,
        phone: null,
        address_1: null,
        city: null,
        postal_code: null,
        metadata: null,
        country_code: "jo",
      })
      const [scrubbed] = await stripeEvents.listStripeEvents({ id: event.id })
      expect(scrubbed.payload).toEqual({
        id: "evt_privacy_1",
        data: { object: { id: "ch_privacy_1", amount: 1000, billing_details: null } },
      })
      // A second erasure finds no one.
      expect((await api.post(url, {}, { headers: admin, ...anyStatus })).status).toBe(404)

      const { entries } = await auditOf(customer.id)
      const erasure = entries.find((e) => e.route === "customer.erase")
      expect(erasure).toMatchObject({ actor_type: "user", actor_id: expect.stringMatching(/^user_/), method: "POST", path: url })
    })
    it("rotates the PII key: values sealed under the old key are read with \"new,old\", re-sealed in batches under the new one, then read with the new key alone", async () => {
      // The old key is the one this app runs with, so its own writes are "old" values too.
      const OLD = DEVELOPMENT_PII_SECRET
      const NEW = "new-pii-secret-for-the-rotation-test-0002"
      const oldRing = piiKeyring({ PII_ENCRYPTION_KEY: OLD })
      const both = piiKeyring({ PII_ENCRYPTION_KEY: `${NEW},${OLD}` })
      const newRing = piiKeyring({ PII_ENCRYPTION_KEY: NEW })
      const profiles: SkinProfileModuleService = getContainer().resolve(SKIN_PROFILE_MODULE)
      const kept: IdempotencyModuleService = getContainer().resolve(IDEMPOTENCY_MODULE)
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const data = (i: number) => ({ skin_type: "dry", skin_concerns: ["acne"], date_of_birth: `1990-01-0${i}` })
      const rows = [1, 2, 3, 4, 5].map((i) => {
        const customerId = `cus_rotation_${i}`
        // One row already under the new key: a server running "new,old" saved it during the rotation.
        const { keyId, value } = sealPii(JSON.stringify(data(i)), customerId, i === 5 ? both : oldRing)
        return { customer_id: customerId, key_id: keyId, sealed: value }
      })
      await profiles.createSkinProfiles(rows)
      // A kept Idempotency-Key answer is sealed at rest too (it carries the order's address) and opens for the app.
      const answer = { data: { shippingAddress: { street: "Queen Rania Street", phone: "+962791234567" } } }
      const record = { key: "rotation-1", scope: "POST /api/v1/orders cus_rotation_1" }
      await kept.createIdempotencyRecords({
        ...record,
        request_hash: "h",
        response_status: 201,
        response_body: answer,
        expires_at: new Date(Date.now() + 60_000),
      })
      const [raw] = await pg("idempotency_record").where(record).select("response_body")
      expect(JSON.stringify(raw.response_body)).not.toMatch(/Queen Rania|962791234567/)
      expect(raw.response_body.pii.key_id).toBe(oldRing.current.id)
      expect((await kept.listIdempotencyRecords(record))[0].response_body).toEqual(answer)
      // During the run, servers configured "new,old" read either.
      for (const row of rows) {
        expect(JSON.parse(openPii({ keyId: row.key_id, value: row.sealed }, row.customer_id, both))).toEqual(
          data(Number(row.customer_id.slice(-1)))
        )
      }

      const lines: string[] = []
      const reports = await rotatePii(getContainer(), { keyring: both, batch: 2, log: (l) => lines.push(l) })
      const remaining = (n: number) => ({ [newRing.current.id]: n })
      expect(reports).toEqual([
        { store: "skin_profile", resealed: 4, skipped: 0, unknownKey: 0, remaining: remaining(5) },
        { store: "idempotency_record", resealed: 1, skipped: 0, unknownKey: 0, remaining: remaining(1) },
      ])
      expect(lines).toEqual([
        `skin_profile: 4 value(s) to re-seal under key ${newRing.current.id}, 2 per batch`,
        "skin_profile: 2/4 re-sealed",
        "skin_profile: 4/4 re-sealed",
        `skin_profile: done; values per key id now {"${newRing.current.id}":5}`,
        `idempotency_record: 1 value(s) to re-seal under key ${newRing.current.id}, 2 per batch`,
        "idempotency_record: 1/1 re-sealed",
        `idempotency_record: done; values per key id now {"${newRing.current.id}":1}`,
      ])

      // The old key can go: every value opens with the new key alone, and no longer with the old one.
      const after = await profiles.listSkinProfiles({ customer_id: rows.map((r) => r.customer_id) })
      expect(after).toHaveLength(5)
      for (const row of after) {
        expect(row.key_id).toBe(newRing.current.id)
        expect(JSON.parse(openPii({ keyId: row.key_id, value: row.sealed }, row.customer_id, newRing))).toEqual(
          data(Number(row.customer_id.slice(-1)))
        )
        expect(() => openPii({ keyId: row.key_id, value: row.sealed }, row.customer_id, oldRing)).toThrow(/No PII key/)
      }
      const [rotated] = await pg("idempotency_record").where(record).select("response_body")
      const { key_id, sealed } = rotated.response_body.pii
      expect(JSON.parse(openPii({ keyId: key_id, value: sealed }, `idempotency:${record.scope}:${record.key}`, newRing))).toEqual(answer)
      // This app still runs with the old key alone: an answer it cannot open counts as not kept (the request runs again).
      expect(await kept.listIdempotencyRecords(record)).toEqual([])
      // Idempotent: a second run finds nothing to do.
      const again = await rotatePii(getContainer(), { keyring: both, batch: 2 })
      expect(again.map((r) => [r.store, r.resealed, r.skipped])).toEqual([
        ["skin_profile", 0, 0],
        ["idempotency_record", 0, 0],
      ])
    })
  },
})

import { mkdtempSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { ORDER_NUMBER_PATTERN } from "../../src/lib/order-number"
import { SKIN_PROFILE_MODULE } from "../../src/modules/skin-profile"
import type SkinProfileModuleService from "../../src/modules/skin-profile/service"
import { adminHeaders } from "../helpers/admin"
import { ammanAddress } from "../helpers/addresses"
import { seedShop, SeededVariant } from "../helpers/catalogue"

jest.setTimeout(240 * 1000)

// Registration mails a verification code: keep those files out of the checkout.
const EMAIL_DIR = mkdtempSync(path.join(os.tmpdir(), "skinior-customers-email-"))
process.env.LOCAL_EMAIL_DIR = EMAIL_DIR

const anyStatus = { validateStatus: () => true }
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
const PASSWORD = "correct-horse-battery"

const registration = (extra: Record<string, unknown> = {}) => ({
  email: "Layla.Haddad@Example.com",
  password: PASSWORD,
  firstName: "Layla",
  lastName: "Haddad",
  phone: "+962791234567",
  dateOfBirth: "1992-03-14",
  skinType: "combination",
  skinConcerns: ["dark-spots", "acne"],
  ...extra,
})

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
const savedAustin = {
  country: "US",
  city: "Austin",
  governorate: "TX",
  postalCode: "73301",
  street: "1 Main St",
  firstName: "Layla",
  lastName: "Haddad",
  phone: "+15125550100",
}
// How the contract answers a saved address that did not give building, apartment or instructions.
const presented = (address: Record<string, unknown>) => ({
  building: null,
  apartment: null,
  instructions: null,
  ...address,
})

/** /api/v1/customers: register, own record, profile edits, addresses, order history; the Admin skin profile. */
medusaIntegrationTestRunner({
  inApp: true,
  env: { LOCAL_EMAIL_DIR: EMAIL_DIR },
  testSuite: ({ api, getContainer }) => {
    let shop: Awaited<ReturnType<typeof seedShop>>
    let essence: SeededVariant // 15.60 JOD

    beforeAll(async () => {
      shop = await seedShop(getContainer())
      essence = shop.variant("SKN-TON-HE-150")
    })

    const register = async (extra: Record<string, unknown> = {}) => {
      const res = await api.post("/api/v1/customers", registration(extra), anyStatus)
      expect(res.status).toBe(201)
      const { tokens, ...customer } = res.data.data
      return { customer, tokens, headers: { authorization: `Bearer ${tokens.accessToken}` } }
    }
    const bad = (body: Record<string, unknown>) => api.post("/api/v1/customers", body, anyStatus)

    it("registers: 201 with the customer, its skin profile and the tokens of a login; the token works on /api/v1 and /store", async () => {
      const res = await api.post("/api/v1/customers", registration(), anyStatus)
      expect(res.status).toBe(201)
      expect(res.data.message).toBe("Account created")
      const { tokens, ...customer } = res.data.data
      expect(customer).toEqual({
        id: expect.stringMatching(/^cus_/),
        email: "layla.haddad@example.com",
        firstName: "Layla",
        lastName: "Haddad",
        phone: "+962791234567",
        dateOfBirth: "1992-03-14",
        // In the vocabulary's order, each once.
        skinProfile: { skinType: "combination", skinConcerns: ["acne", "dark-spots"] },
        emailVerified: false,
        addresses: [],
        createdAt: expect.stringMatching(ISO),
        updatedAt: expect.stringMatching(ISO),
      })
      expect(tokens).toEqual({
        accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        refreshToken: expect.any(String),
        expiresIn: 900,
      })
      const headers = { authorization: `Bearer ${tokens.accessToken}` }

      const me = await api.get("/api/v1/customers/me", { headers, ...anyStatus })
      expect(me.status).toBe(200)
      expect(me.data.data).toEqual({ ...customer, orders: [] })
      const byId = await api.get(`/api/v1/customers/${customer.id}`, { headers, ...anyStatus })
      expect(byId.data.data).toEqual(me.data.data)

      const store = await api.get("/store/customers/me", {
        headers: { ...headers, "x-publishable-api-key": shop.publishableKey },
        ...anyStatus,
      })
      expect(store.status).toBe(200)
      expect(store.data.customer).toMatchObject({ id: customer.id, email: "layla.haddad@example.com", has_account: true })

      // Medusa's emailpass identity signs in with the password, which it stores hashed.
      const login = await api.post("/auth/customer/emailpass", { email: "layla.haddad@example.com", password: PASSWORD }, anyStatus)
      expect(login.status).toBe(200)

      // At rest the profile is one sealed value with its key id: no skin type, concern or date in the clear.
      const profiles: SkinProfileModuleService = getContainer().resolve(SKIN_PROFILE_MODULE)
      const [row] = await profiles.listSkinProfiles({ customer_id: customer.id })
      expect(row.key_id).toMatch(/^[0-9a-f]{12}$/)
      expect(row.sealed).not.toMatch(/combination|acne|dark-spots|1992/)
      expect(await profiles.open(row)).toEqual({
        skin_type: "combination",
        skin_concerns: ["acne", "dark-spots"],
        date_of_birth: "1992-03-14",
      })
    })

    it("registers with only the required fields: an empty skin profile", async () => {
      const res = await api.post(
        "/api/v1/customers",
        { email: "omar@example.com", password: PASSWORD, firstName: "Omar", lastName: "Saleh" },
        anyStatus
      )
      expect(res.status).toBe(201)
      expect(res.data.data).toMatchObject({
        phone: null,
        dateOfBirth: null,
        skinProfile: { skinType: null, skinConcerns: [] },
      })
    })

    it("answers a taken email (any case) with 409 CONFLICT that confirms nothing more; a guest record with that email does not count", async () => {
      await register()
      const res = await api.post("/api/v1/customers", registration({ email: "LAYLA.HADDAD@example.com" }), anyStatus)
      expect(res.status).toBe(409)
      expect(res.data).toEqual({
        error: {
          code: "CONFLICT",
          message: "An account cannot be created with this email",
          details: [{ field: "email", message: "Sign in, or reset the password, instead" }],
          requestId: res.headers["x-request-id"],
        },
      })
      // A guest who ordered with an email may still create an account with it.
      await getContainer().resolve(Modules.CUSTOMER).createCustomers({ email: "guest@example.com", has_account: false })
      const guest = await api.post("/api/v1/customers", registration({ email: "guest@example.com" }), anyStatus)
      expect(guest.status).toBe(201)
      // Nothing of the refused attempt is left behind: one account, one profile.
      const customers = await getContainer().resolve(Modules.CUSTOMER).listCustomers({ email: "layla.haddad@example.com" })
      expect(customers).toHaveLength(1)
    })

    it.each([
      ["a bad email", { email: "not-an-email" }, [{ field: "email", message: "Invalid email address" }]],
      ["a phone not in E.164", { phone: "0791234567" }, [{ field: "phone", message: "phone must be in E.164 form, e.g. +962791234567" }]],
      ["a date that does not exist", { dateOfBirth: "1992-02-30" }, [{ field: "dateOfBirth", message: "dateOfBirth is not a calendar date" }]],
      ["a date in another format", { dateOfBirth: "14/03/1992" }, [{ field: "dateOfBirth", message: "dateOfBirth must be a date as YYYY-MM-DD" }]],
      ["a date in the future", { dateOfBirth: "2999-01-01" }, [{ field: "dateOfBirth", message: "dateOfBirth must be between 1900-01-01 and today" }]],
      [
        "an unknown skin type",
        { skinType: "shiny" },
        [{ field: "skinType", message: 'Invalid option: expected one of "normal"|"dry"|"oily"|"combination"|"sensitive"' }],
      ],
      ["an unknown field", { nickname: "L" }, [{ field: "nickname", message: "Unknown field" }]],
      ["a missing name", { firstName: undefined }, [{ field: "firstName", message: "firstName is required" }]],
      ["a short password", { password: "short-pw1" }, [{ field: "password", message: "Password must be at least 10 characters" }]],
      ["the email as password", { password: "LAYLA.haddad@example.com" }, [{ field: "password", message: "Password must not be the email address" }]],
    ])("answers %s with 400 VALIDATION_ERROR naming the field", async (_what, change, details) => {
      const res = await bad(registration(change))
      expect(res.status).toBe(400)
      expect(res.data.error).toEqual({
        code: "VALIDATION_ERROR",
        message: "Invalid input data",
        details,
        requestId: res.headers["x-request-id"],
      })
    })

    it("lets a customer read and change only their own record: 401 without a token, 403 for anyone else's id", async () => {
      const layla = await register()
      const omar = await register({ email: "omar@example.com" })
      const unauthenticated = await api.get(`/api/v1/customers/${layla.customer.id}`, anyStatus)
      expect(unauthenticated.status).toBe(401)
      expect(unauthenticated.data.error.code).toBe("AUTHENTICATION_ERROR")
      expect((await api.get("/api/v1/customers/me", anyStatus)).status).toBe(401)
      const forged = await api.get("/api/v1/customers/me", { headers: { authorization: "Bearer not.a.token" }, ...anyStatus })
      expect(forged.status).toBe(401)

      const forbidden = {
        code: "AUTHORIZATION_ERROR",
        message: "You can only access your own customer record",
      }
      const read = await api.get(`/api/v1/customers/${layla.customer.id}`, { headers: omar.headers, ...anyStatus })
      expect(read.status).toBe(403)
      expect(read.data.error).toMatchObject(forbidden)
      // An id that does not exist answers the same: ids cannot be probed.
      const unknown = await api.get("/api/v1/customers/cus_01NOTACUSTOMER", { headers: omar.headers, ...anyStatus })
      expect(unknown.status).toBe(403)
      const write = await api.put(`/api/v1/customers/${layla.customer.id}`, { firstName: "X" }, { headers: omar.headers, ...anyStatus })
      expect(write.status).toBe(403)
      const addresses = await api.get(`/api/v1/customers/${layla.customer.id}/addresses`, { headers: omar.headers, ...anyStatus })
      expect(addresses.status).toBe(403)
      const recommendations = await api.get(`/api/v1/customers/${layla.customer.id}/recommendations`, {
        headers: omar.headers,
        ...anyStatus,
      })
      expect(recommendations.status).toBe(403)
      expect((await api.get("/api/v1/customers/me", { headers: layla.headers })).data.data.firstName).toBe("Layla")
    })

    it("updates names, phone, date of birth and the skin profile; null clears, absent fields stay", async () => {
      const { customer, headers } = await register()
      const res = await api.put(
        "/api/v1/customers/me",
        { firstName: "Laila", phone: "+962795555555", dateOfBirth: "1991-12-31", skinType: "dry", skinConcerns: ["fine-lines", "dryness"] },
        { headers, ...anyStatus }
      )
      expect(res.status).toBe(200)
      expect(res.data.message).toBe("Customer updated")
      expect(res.data.data).toMatchObject({
        id: customer.id,
        email: "layla.haddad@example.com",
        firstName: "Laila",
        lastName: "Haddad",
        phone: "+962795555555",
        dateOfBirth: "1991-12-31",
        skinProfile: { skinType: "dry", skinConcerns: ["fine-lines", "dryness"] },
        orders: [],
      })
      const cleared = await api.put(
        `/api/v1/customers/${customer.id}`,
        { skinType: null, phone: null, dateOfBirth: null },
        { headers, ...anyStatus }
      )
      expect(cleared.status).toBe(200)
      expect(cleared.data.data).toMatchObject({
        firstName: "Laila",
        phone: null,
        dateOfBirth: null,
        skinProfile: { skinType: null, skinConcerns: ["fine-lines", "dryness"] },
      })
      const refused = await api.put("/api/v1/customers/me", { email: "new@example.com", skinConcerns: ["wrinkles"] }, { headers, ...anyStatus })
      expect(refused.status).toBe(400)
      expect(refused.data.error.details.map((d: { field: string }) => d.field)).toEqual(["skinConcerns.0", "email"])
    })

    it("keeps an address book on Medusa's customer addresses with one default shipping address", async () => {
      const { customer, headers } = await register()
      const base = `/api/v1/customers/${customer.id}/addresses`

      const first = await api.post(base, savedAmman, { headers, ...anyStatus })
      expect(first.status).toBe(201)
      expect(first.data).toEqual({
        data: { id: expect.stringMatching(/^cuaddr_/), ...savedAmman, isDefaultShipping: true },
        message: "Address saved",
      })
      const amman = first.data.data.id
      const second = await api.post("/api/v1/customers/me/addresses", { ...savedAustin, isDefaultShipping: true }, { headers, ...anyStatus })
      expect(second.status).toBe(201)
      expect(second.data.data).toEqual({ id: expect.any(String), ...presented(savedAustin), isDefaultShipping: true })
      const austin = second.data.data.id

      // Medusa keeps one default per customer: the Amman address gave it up.
      const list = await api.get(base, { headers })
      expect(list.data).toEqual({
        data: [
          { id: austin, ...presented(savedAustin), isDefaultShipping: true },
          { id: amman, ...savedAmman, isDefaultShipping: false },
        ],
        pagination: { page: 1, limit: 20, total: 2, totalPages: 1, hasNext: false, hasPrev: false },
      })
      const onRecord = (await api.get("/api/v1/customers/me", { headers })).data.data.addresses
      expect(onRecord.map((a: { id: string }) => a.id)).toEqual([austin, amman])

      // A partial update keeps the other fields; it can take the default back.
      const updated = await api.put(`${base}/${amman}`, { street: "Mecca Street", governorate: "Irbid", isDefaultShipping: true }, { headers, ...anyStatus })
      expect(updated.status).toBe(200)
      expect(updated.data.data).toEqual({ id: amman, ...savedAmman, street: "Mecca Street", governorate: "Irbid", isDefaultShipping: true })
      expect((await api.get(`${base}/${austin}`, { headers })).data.data.isDefaultShipping).toBe(false)

      // Deleting the default hands it to the remaining address.
      const deleted = await api.delete(`${base}/${amman}`, { headers, ...anyStatus })
      expect(deleted.status).toBe(200)
      expect(deleted.data).toEqual({ data: { id: amman, deleted: true }, message: "Address deleted" })
      expect((await api.get(base, { headers })).data.data).toEqual([{ id: austin, ...presented(savedAustin), isDefaultShipping: true }])
      expect((await api.get(`${base}/${amman}`, { headers, ...anyStatus })).status).toBe(404)

      // Another customer's address is unknown to this one.
      const other = await register({ email: "omar@example.com" })
      const theirs = await api.get(`/api/v1/customers/me/addresses/${austin}`, { headers: other.headers, ...anyStatus })
      expect(theirs.status).toBe(404)
      expect(theirs.data.error.code).toBe("RESOURCE_NOT_FOUND")
      expect((await api.delete(`/api/v1/customers/me/addresses/${austin}`, { headers: other.headers, ...anyStatus })).status).toBe(404)
    })

    it.each([
      ["a Jordanian address without a governorate", { governorate: undefined }, [{ field: "governorate", message: "governorate is required in Jordan" }]],
      ["an unknown governorate", { governorate: "Atlantis" }, [{ field: "governorate", message: "Unknown governorate" }]],
      ["a country the shop does not deliver to", { country: "FR" }, [{ field: "country", message: "We do not deliver to FR" }]],
    ])("refuses %s with 400", async (_what, change, details) => {
      const { headers } = await register()
      const res = await api.post("/api/v1/customers/me/addresses", { ...savedAmman, ...change }, { headers, ...anyStatus })
      expect(res.status).toBe(400)
      expect(res.data.error).toMatchObject({ code: "VALIDATION_ERROR", message: "Invalid address", details })
    })

    it("refuses a malformed address with 400 naming the fields", async () => {
      const { headers } = await register()
      const res = await api.post("/api/v1/customers/me/addresses", { country: "Jordan", street: "x".repeat(256) }, { headers, ...anyStatus })
      expect(res.status).toBe(400)
      expect(res.data.error.details.map((d: { field: string }) => d.field)).toEqual(["country", "city", "street"])
    })

    it("lists the orders of a cash-on-delivery checkout in the customer's order history", async () => {
      const { customer, headers } = await register()
      const cart = (await api.post("/api/v1/cart", { currency: "JOD" }, { headers })).data.data
      const added = await api.post(
        `/api/v1/cart/${cart.id}/items`,
        { productId: essence.productId, variantId: essence.id, quantity: 2 },
        { headers, ...anyStatus }
      )
      expect(added.status).toBe(200)
      const placed = await api.post(
        "/api/v1/orders",
        {
          cartId: cart.id,
          shippingAddress: ammanAddress({ email: "layla.haddad@example.com" }),
          shippingMethod: "standard",
          paymentMethod: "cash_on_delivery",
        },
        { headers, ...anyStatus }
      )
      expect(placed.status).toBe(201)
      const order = placed.data.data
      expect(order.customerId).toBe(customer.id)

      const me = await api.get("/api/v1/customers/me", { headers })
      expect(me.data.data.orders).toEqual([
        {
          id: order.id,
          orderNumber: expect.stringMatching(ORDER_NUMBER_PATTERN),
          total: order.total,
          status: "pending",
          createdAt: order.createdAt,
        },
      ])
      expect(me.data.data.orders[0].orderNumber).toBe(order.orderNumber)
      // 2 x 15.600 JOD (tax included) + standard delivery in Amman.
      expect(order.subtotal).toBe(31200)
      expect(order.total).toBe(31200 + order.shipping)
    })

    it("shows and edits the skin profile in Admin: /admin/customers/:id/skin-profile", async () => {
      const { customer, headers } = await register()
      const admin = await adminHeaders(api)
      const url = `/admin/customers/${customer.id}/skin-profile`

      const read = await api.get(url, { headers: admin, ...anyStatus })
      expect(read.status).toBe(200)
      expect(read.data).toEqual({
        skin_profile: {
          customer_id: customer.id,
          skin_type: "combination",
          skin_concerns: ["acne", "dark-spots"],
          date_of_birth: "1992-03-14",
        },
      })
      const saved = await api.post(url, { skin_type: "sensitive", skin_concerns: ["redness"] }, { headers: admin, ...anyStatus })
      expect(saved.status).toBe(200)
      expect(saved.data.skin_profile).toEqual({
        customer_id: customer.id,
        skin_type: "sensitive",
        skin_concerns: ["redness"],
        date_of_birth: "1992-03-14",
      })
      const mine = (await api.get("/api/v1/customers/me", { headers })).data.data
      expect(mine.skinProfile).toEqual({ skinType: "sensitive", skinConcerns: ["redness"] })

      const invalid = await api.post(url, { skin_type: "shiny" }, { headers: admin, ...anyStatus })
      expect(invalid.status).toBe(400)
      expect((await api.get("/admin/customers/cus_01NOTACUSTOMER/skin-profile", { headers: admin, ...anyStatus })).status).toBe(404)
      expect((await api.get(url, anyStatus)).status).toBe(401)
      // A customer's token is not an admin's.
      expect((await api.get(url, { headers, ...anyStatus })).status).toBe(401)
    })
  },
})

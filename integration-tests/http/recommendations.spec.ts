import { mkdtempSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ammanAddress } from "../helpers/addresses"
import { seedShop } from "../helpers/catalogue"

jest.setTimeout(240 * 1000)

// Registration mails a verification code: keep those files out of the checkout.
const EMAIL_DIR = mkdtempSync(path.join(os.tmpdir(), "skinior-recommendations-email-"))
process.env.LOCAL_EMAIL_DIR = EMAIL_DIR

const anyStatus = { validateStatus: () => true }
// The seeded catalogue has 36 published products; the AHA mask is out of stock.
const IN_STOCK_PRODUCTS = 35

/**
 * GET /api/v1/customers/:id/recommendations: published, in-stock products
 * ranked for the customer's skin type and concerns from the catalogue read
 * model; what they bought comes last; without a profile, the best sellers.
 * Sales that break ties: kids' mineral sunscreen 5, kaolin mask 4,
 * niacinamide serum 3, hydrating essence 2 (bought by the dry-skin
 * customer), centella toner 1; everything else 0.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: { LOCAL_EMAIL_DIR: EMAIL_DIR },
  testSuite: ({ api, getContainer }) => {
    let shop: Awaited<ReturnType<typeof seedShop>>
    const headersOf: Record<string, Record<string, string>> = {}
    const customerIdOf: Record<string, string> = {}

    const register = async (key: string, profile: Record<string, unknown>) => {
      const res = await api.post(
        "/api/v1/customers",
        { email: `${key}@example.com`, password: "correct-horse-battery", firstName: "Test", lastName: key, ...profile },
        anyStatus
      )
      expect(res.status).toBe(201)
      customerIdOf[key] = res.data.data.id
      headersOf[key] = { authorization: `Bearer ${res.data.data.tokens.accessToken}` }
    }

    const buy = async (lines: [string, number][], key?: string) => {
      const headers = key ? headersOf[key] : {}
      const cart = (await api.post("/api/v1/cart", { currency: "JOD" }, { headers })).data.data
      for (const [sku, quantity] of lines) {
        const variant = shop.variant(sku)
        const added = await api.post(
          `/api/v1/cart/${cart.id}/items`,
          { productId: variant.productId, variantId: variant.id, quantity },
          { headers, ...anyStatus }
        )
        expect(added.status).toBe(200)
      }
      const placed = await api.post(
        "/api/v1/orders",
        {
          cartId: cart.id,
          shippingAddress: ammanAddress(key ? { email: `${key}@example.com` } : {}),
          shippingMethod: "standard",
          paymentMethod: "cash_on_delivery",
        },
        { headers, ...anyStatus }
      )
      expect(placed.status).toBe(201)
      expect(placed.data.data.customerId).toBe(customerIdOf[key ?? ""] ?? null)
    }

    beforeAll(async () => {
      shop = await seedShop(getContainer())
      await register("oily", { skinType: "oily", skinConcerns: ["acne", "pores", "oiliness", "redness"] })
      await register("dry", { skinType: "dry", skinConcerns: ["dryness", "dehydration", "fine-lines"] })
      await register("sensitive", { skinType: "sensitive", skinConcerns: ["sun-protection", "redness"] })
      await register("none", {})
      await buy([
        ["SKN-SUN-FM-100", 5],
        ["SKN-MSK-KC-100", 4],
        ["SKN-SER-NZ-30", 3],
        ["SKN-TON-CC-200", 1],
      ])
      await buy([["SKN-TON-HE-150", 2]], "dry")
    })

    const recommend = (key: string, query = "") =>
      api.get(`/api/v1/customers/me/recommendations${query}`, { headers: headersOf[key], ...anyStatus })
    const ranked = (data: { slug: string; reason: string }[]) => data.map((p) => [p.slug, p.reason])

    it("oily skin with acne, pores, oiliness and redness: the most concerns first, best sellers break ties", async () => {
      const res = await recommend("oily", "?limit=4")
      expect(res.status).toBe(200)
      expect(ranked(res.data.data)).toEqual([
        ["bha-pore-refining-toner", "For oily skin · targets acne, redness, oiliness and pores"],
        ["kaolin-clay-mask", "For oily skin · targets acne, oiliness and pores"],
        ["niacinamide-10-serum", "For oily skin · targets acne, oiliness and pores"],
        ["salicylic-acid-cleanser", "For oily skin · targets acne, oiliness and pores"],
      ])
    })

    it("dry skin: a product for all skin types counts; what the customer bought comes last", async () => {
      const res = await recommend("dry", "?limit=50")
      expect(res.status).toBe(200)
      const list = ranked(res.data.data)
      expect(list).toHaveLength(IN_STOCK_PRODUCTS)
      expect(list[0]).toEqual(["hyaluronic-acid-serum", "For all skin types · targets fine lines, dryness and dehydration"])
      expect(list[list.length - 1]).toEqual([
        "hydrating-essence-toner",
        "For dry skin · targets fine lines, dryness and dehydration · you bought it before",
      ])
      expect(list.map(([slug]) => slug)).not.toContain("aha-resurfacing-mask")
    })

    it("sensitive skin with sun protection and redness, priced in JOD: skin type first, then concerns, then sales", async () => {
      const res = await recommend("sensitive", "?limit=4&currency=jod")
      expect(res.status).toBe(200)
      expect(ranked(res.data.data)).toEqual([
        ["mineral-sunscreen-spf-50", "For sensitive skin · targets redness and sun protection"],
        ["kids-mineral-sunscreen-spf-50", "For sensitive skin · targets sun protection"],
        ["centella-calming-toner", "For sensitive skin · targets redness"],
        ["azelaic-acid-booster", "For sensitive skin · targets redness"],
      ])
      // The storefront's list shape, in fils, with stock per variant.
      expect(res.data.data[0]).toMatchObject({ currency: "JOD", price: 19900, status: "active" })
      const small = res.data.data[0].variants.find((v: { sku: string }) => v.sku === "SKN-SUN-MN-50")
      expect(small).toMatchObject({ price: 19900, available: true, inventoryCount: 135 })
    })

    it("without a skin profile answers the best sellers", async () => {
      const res = await recommend("none", "?limit=5")
      expect(res.status).toBe(200)
      expect(ranked(res.data.data)).toEqual([
        ["kids-mineral-sunscreen-spf-50", "A best seller"],
        ["kaolin-clay-mask", "A best seller"],
        ["niacinamide-10-serum", "A best seller"],
        ["hydrating-essence-toner", "A best seller"],
        ["centella-calming-toner", "A best seller"],
      ])
      // Ten by default.
      expect((await recommend("none")).data.data).toHaveLength(10)
    })

    it("answers 401 without a token and 400 for a bad limit or an unknown parameter", async () => {
      expect((await api.get("/api/v1/customers/me/recommendations", anyStatus)).status).toBe(401)
      const tooMany = await recommend("none", "?limit=51")
      expect(tooMany.status).toBe(400)
      expect(tooMany.data.error.details).toEqual([{ field: "limit", message: "Too big: expected number to be <=50" }])
      const unknown = await recommend("none", "?skinType=dry")
      expect(unknown.status).toBe(400)
      expect(unknown.data.error.details).toEqual([{ field: "skinType", message: "Unknown field" }])
    })
  },
})

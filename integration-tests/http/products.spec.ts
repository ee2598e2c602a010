import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { ProductStatus } from "@medusajs/framework/utils"
import { adminHeaders } from "../helpers/admin"
import { seedShop } from "../helpers/catalogue"
import { eventually } from "../helpers/eventually"

jest.setTimeout(180 * 1000)

const anyStatus = { validateStatus: () => true }
const PRODUCT_KEYS = [
  "category", "compareAtPrice", "createdAt", "currency", "description", "id", "images", "name", "price",
  "seoDescription", "seoTitle", "slug", "status", "tags", "updatedAt", "variants",
]

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let shop: Awaited<ReturnType<typeof seedShop>>
    const total = () => shop.catalogue.length
    // What the catalogue data says a product sells for (its cheapest variant), in minor units.
    const lowest = (handle: string, currency: "usd" | "jod") =>
      Math.min(...shop.catalogue.find((p) => p.handle === handle)!.variants.map((v) => Math.round(v[currency] * (currency === "usd" ? 100 : 1000))))

    beforeAll(async () => {
      shop = await seedShop(getContainer())
      await createProductsWorkflow(getContainer()).run({
        input: {
          products: [
            {
              title: "Secret Draft Serum",
              handle: "secret-draft-serum",
              status: ProductStatus.DRAFT,
              options: [{ title: "Size", values: ["30ml"] }],
              variants: [{ title: "30ml", options: { Size: "30ml" }, prices: [{ currency_code: "usd", amount: 10 }] }],
            },
          ],
        },
      })
    })

    const list = (query = "") => api.get(`/api/v1/products${query}`, anyStatus)

    describe("GET /api/v1/products", () => {
      it("answers the first page of published products in the requirements' shape", async () => {
        const res = await list()
        expect(res.status).toBe(200)
        expect(res.data.pagination).toEqual({ page: 1, limit: 20, total: total(), totalPages: 2, hasNext: true, hasPrev: false })
        expect(res.data.data).toHaveLength(20)
        for (const product of res.data.data) {
          expect(Object.keys(product).sort()).toEqual(PRODUCT_KEYS)
          expect(product).toMatchObject({ status: "active", currency: "USD" })
          expect(product.price).toBe(Math.min(...product.variants.map((v: any) => v.price)))
        }
        expect(res.data.data.map((p: any) => p.slug)).not.toContain("secret-draft-serum")
      })

      it("answers the last page, a page past the end, and limit 100", async () => {
        const last = (await list("?page=2")).data
        expect(last.data).toHaveLength(total() - 20)
        expect(last.pagination).toMatchObject({ page: 2, hasNext: false, hasPrev: true })
        const past = (await list("?page=3")).data
        expect(past).toEqual({ data: [], pagination: { page: 3, limit: 20, total: total(), totalPages: 2, hasNext: false, hasPrev: true } })
        expect((await list("?limit=100")).data.data).toHaveLength(total())
      })

      it.each([
        ["?limit=101", "limit"],
        ["?limit=0", "limit"],
        ["?page=0", "page"],
        ["?page=abc", "page"],
        ["?currency=EUR", "currency"],
        ["?sortBy=colour", "sortBy"],
        ["?sortOrder=up", "sortOrder"],
        ["?inStock=maybe", "inStock"],
        ["?minPrice=-1", "minPrice"],
        ["?maxPrice=9.5", "maxPrice"],
        ["?minPrice=5000&maxPrice=1000", "minPrice"],
        ["?skinType=greasy", "skinType"],
        ["?concern=wrinkles", "concern"],
        ["?colour=red", "colour"],
      ])("answers 400 for %s", async (query, field) => {
        const res = await list(query)
        expect(res.status).toBe(400)
        expect(res.data.error.code).toBe("VALIDATION_ERROR")
        expect(res.data.error.details.map((d: any) => d.field)).toContain(field)
      })

      it("prices in USD cents by default and in JOD fils on request", async () => {
        const usd = (await list("?category=serums&limit=100")).data.data.find((p: any) => p.slug === "vitamin-c-serum")
        const jod = (await list("?category=serums&limit=100&currency=jod")).data.data.find((p: any) => p.slug === "vitamin-c-serum")
        expect(usd.price).toBe(2950)
        expect(jod).toMatchObject({ price: 21500, currency: "JOD" })
        expect(jod.variants.find((v: any) => v.sku === "SKN-SER-VC-30").price).toBe(21500)
      })

      it("shows sale prices with the price before the sale as compareAtPrice", async () => {
        const product = (await list("?category=cleansers&limit=100")).data.data.find((p: any) => p.slug === "salicylic-acid-cleanser")
        const big = product.variants.find((v: any) => v.sku === "SKN-CLN-SA-250")
        expect(big).toMatchObject({ price: 2300, compareAtPrice: 2800 })
      })

      it("sorts by price, name and creation in the database, both ways", async () => {
        const prices = (order: string) =>
          list(`?limit=100&sortBy=price&sortOrder=${order}`).then((r: any) => r.data.data.map((p: any) => p.price))
        const asc = await prices("asc")
        expect(asc).toEqual([...asc].sort((a, b) => a - b))
        const desc = await prices("desc")
        expect(desc).toEqual([...desc].sort((a, b) => b - a))
        const jodAsc = (await list("?limit=100&sortBy=price&currency=JOD")).data.data.map((p: any) => p.price)
        expect(jodAsc).toEqual([...jodAsc].sort((a: number, b: number) => a - b))
        const names = (await list("?limit=100&sortBy=name")).data.data.map((p: any) => p.name)
        expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
        const created = (await list("?limit=100&sortBy=created_at&sortOrder=asc")).data.data.map((p: any) => p.createdAt)
        expect(created).toEqual([...created].sort())
      })

      it("filters by category, price range (minor units), stock, skin type and concern, combined", async () => {
        const serums = (await list("?category=serums&limit=100")).data
        expect(serums.pagination.total).toBe(shop.catalogue.filter((p) => p.category === "serums").length)
        expect(serums.data.every((p: any) => p.category === "serums")).toBe(true)

        const ranged = (await list("?minPrice=2000&maxPrice=3000&limit=100")).data.data
        const expected = shop.catalogue.filter((p) => {
          const price = lowest(p.handle, "usd")
          const sale = Math.min(...p.variants.map((v) => Math.round(v.usd * 100)))
          return Math.min(price, sale) >= 2000 && Math.min(price, sale) <= 3000
        })
        expect(ranged.map((p: any) => p.slug).sort()).toEqual(expected.map((p) => p.handle).sort())
        expect(ranged.every((p: any) => p.price >= 2000 && p.price <= 3000)).toBe(true)

        const inStock = (await list("?inStock=true&limit=100")).data
        const soldOut = shop.catalogue.filter((p) => p.variants.every((v) => v.stock === 0))
        expect(inStock.pagination.total).toBe(total() - soldOut.length)
        expect(inStock.data.map((p: any) => p.slug)).not.toContain("aha-resurfacing-mask")

        const combo = (await list("?skinType=sensitive&concern=redness&limit=100&sortBy=price")).data.data
        const comboExpected = shop.catalogue.filter((p) => p.skinTypes.includes("sensitive") && p.concerns.includes("redness"))
        expect(combo.map((p: any) => p.slug).sort()).toEqual(comboExpected.map((p) => p.handle).sort())
        expect(comboExpected.length).toBeGreaterThan(0)

        const none = (await list("?category=no-such-category")).data
        expect(none).toEqual({ data: [], pagination: { page: 1, limit: 20, total: 0, totalPages: 0, hasNext: false, hasPrev: false } })
      })

      it("counts what can be sold now per variant", async () => {
        const toners = (await list("?category=toners&limit=100")).data.data
        const glycolic = toners.find((p: any) => p.slug === "glycolic-acid-toner")
        const soldOut = glycolic.variants.find((v: any) => v.sku === "SKN-TON-GA-240")
        expect(soldOut).toMatchObject({ inventoryCount: 0, available: false })
        const other = glycolic.variants.find((v: any) => v.sku !== "SKN-TON-GA-240")
        const stock = shop.catalogue.flatMap((p) => p.variants).find((v) => v.sku === other.sku)!.stock
        expect(other).toMatchObject({ inventoryCount: stock, available: stock > 0 })
      })

      it("reads the sales channel of a publishable key, and refuses an unknown key", async () => {
        const withKey = await api.get("/api/v1/products?limit=1", { headers: { "x-publishable-api-key": shop.publishableKey } })
        expect(withKey.data.pagination.total).toBe(total())
        const bad = await api.get("/api/v1/products", { headers: { "x-publishable-api-key": "pk_nope" }, ...anyStatus })
        expect(bad.status).toBe(400)
        expect(bad.data.error.details[0].field).toBe("x-publishable-api-key")
      })
    })

    describe("GET /api/v1/products/:id", () => {
      it("answers a product by id or handle with skincare facts and the review summary", async () => {
        const byHandle = await api.get("/api/v1/products/vitamin-c-serum?currency=JOD")
        expect(byHandle.status).toBe(200)
        const product = byHandle.data.data
        const data = shop.catalogue.find((p) => p.handle === "vitamin-c-serum")!
        expect(product).toMatchObject({
          slug: "vitamin-c-serum",
          price: 21500,
          currency: "JOD",
          ingredients: data.ingredients,
          skinTypes: data.skinTypes,
          concerns: data.concerns,
          howToUse: data.howToUse,
          seoTitle: data.seoTitle,
          reviews: { averageRating: 4.5, totalReviews: 2 },
        })
        const byId = await api.get(`/api/v1/products/${product.id}?currency=JOD`)
        expect(byId.data.data).toEqual(product)
      })

      it("answers 404 for unknown and unpublished products, 400 for a bad currency", async () => {
        const unknown = await api.get("/api/v1/products/prod_nope", anyStatus)
        expect(unknown.status).toBe(404)
        expect(unknown.data.error.code).toBe("RESOURCE_NOT_FOUND")
        expect((await api.get("/api/v1/products/secret-draft-serum", anyStatus)).status).toBe(404)
        expect((await api.get("/api/v1/products/vitamin-c-serum?currency=XYZ", anyStatus)).status).toBe(400)
      })
    })

    describe("GET /api/v1/products/search", () => {
      const search = (params: string) => api.get(`/api/v1/products/search?${params}`, anyStatus)
      const names = async (params: string) => (await search(params)).data.data.map((p: any) => p.name as string)

      it("answers 400 without q or with a blank q", async () => {
        expect((await search("")).status).toBe(400)
        const blank = await search("q=%20%20")
        expect(blank.status).toBe(400)
        expect(blank.data.error.details[0].field).toBe("q")
      })

      it("ranks name matches above matches elsewhere (tags, concerns, ingredients, description)", async () => {
        let elsewhere = 0
        for (const word of ["retinol", "hyaluronic", "niacinamide"]) {
          const found = (await search(`q=${word}&limit=100`)).data.data.map((p: any) => p.slug as string)
          const inName = shop.catalogue
            .filter((p) => `${p.title} ${p.subtitle}`.toLowerCase().includes(word))
            .map((p) => p.handle)
          expect(inName.length).toBeGreaterThan(0)
          expect(found.slice(0, inName.length).sort()).toEqual([...inName].sort())
          elsewhere += found.length - inName.length
        }
        // Some products match only by ingredient or description, and rank after.
        expect(elsewhere).toBeGreaterThan(0)
      })

      it("tolerates typos and both spellings of moisturiser", async () => {
        const typo = await names("q=niacinamde")
        expect(typo.length).toBeGreaterThan(0)
        expect(typo[0]).toMatch(/Niacinamide/)
        const uk = await names("q=moisturiser&limit=100")
        const us = await names("q=moisturizer&limit=100")
        for (const list of [uk, us]) {
          expect(list.some((n: string) => /Moisturiser/.test(n))).toBe(true)
          expect(list.some((n: string) => /Moisturizer/.test(n))).toBe(true)
        }
      })

      it("ignores case and accents and finds ingredients and concerns", async () => {
        expect(await names("q=RÉTINOL")).toEqual(await names("q=retinol"))
        const byIngredient = await names("q=squalane&limit=100")
        expect(byIngredient.length).toBeGreaterThan(0)
        const byConcern = (await search("q=acne&limit=100")).data.data
        expect(byConcern.length).toBeGreaterThan(0)
      })

      it("matches Arabic product text", async () => {
        const arabic = (await search(`q=${encodeURIComponent("سيروم")}&limit=100`)).data.data.map((p: any) => p.slug)
        const expected = shop.catalogue
          .filter((p) => `${p.titleAr} ${p.descriptionAr}`.includes("سيروم"))
          .map((p) => p.handle)
        expect(expected.length).toBeGreaterThan(0)
        expect([...arabic].sort()).toEqual(expected.sort())
        // Without the diacritics and with a hamza variant, the same products.
        const vitamin = (await search(`q=${encodeURIComponent("فيتامين")}`)).data.data.map((p: any) => p.slug)
        expect(vitamin).toContain("vitamin-c-serum")
      })

      it("takes the list's filters, sorting and paging", async () => {
        const res = (await search("q=acid&category=serums&sortBy=price&sortOrder=asc&limit=2")).data
        expect(res.data.every((p: any) => p.category === "serums")).toBe(true)
        expect(res.data.map((p: any) => p.price)).toEqual([...res.data.map((p: any) => p.price)].sort((a, b) => a - b))
        expect(res.pagination.limit).toBe(2)
        expect((await search("q=zzzzqqq")).data).toMatchObject({ data: [], pagination: { total: 0 } })
        // Only punctuation: no words to search for, so nothing matches.
        expect((await search("q=%21%3F")).data).toMatchObject({ data: [], pagination: { total: 0 } })
      })
    })

    describe("freshness", () => {
      it("shows an Admin edit on the next reads of detail, list and search", async () => {
        const headers = await adminHeaders(api)
        const before = (await api.get("/api/v1/products/vitamin-c-serum")).data.data
        await api.get("/api/v1/products?category=serums&limit=100")
        await api.post(`/admin/products/${before.id}`, { title: "Vitamin C Glow Serum" }, { headers })
        await eventually(async () => {
          expect((await api.get("/api/v1/products/vitamin-c-serum")).data.data.name).toBe("Vitamin C Glow Serum")
        })
        const listed = (await api.get("/api/v1/products?category=serums&limit=100")).data.data
        expect(listed.find((p: any) => p.id === before.id).name).toBe("Vitamin C Glow Serum")
        await eventually(async () => {
          expect((await api.get("/api/v1/products/search?q=glow")).data.data[0].id).toBe(before.id)
        })
      })

      it("shows skincare, review and stock changes", async () => {
        const headers = await adminHeaders(api)
        const product = (await api.get("/api/v1/products/vitamin-c-serum")).data.data
        await api.post(`/admin/products/${product.id}/skincare`, { how_to_use: "Three drops at night." }, { headers })
        await eventually(async () => {
          expect((await api.get("/api/v1/products/vitamin-c-serum")).data.data.howToUse).toBe("Three drops at night.")
        })

        const pending = (await api.get(`/admin/reviews?status=pending&product_id=${product.id}`, { headers })).data.reviews
        await api.post(`/admin/reviews/${pending[0].id}`, { status: "approved" }, { headers })
        await eventually(async () => {
          expect((await api.get("/api/v1/products/vitamin-c-serum")).data.data.reviews.totalReviews).toBe(3)
        })

        const variant = product.variants[0]
        const { data } = await api.get(`/admin/inventory-items?sku=${variant.sku}&fields=id,location_levels.location_id`, { headers })
        const item = data.inventory_items[0]
        await api.post(
          `/admin/inventory-items/${item.id}/location-levels/${item.location_levels[0].location_id}`,
          { stocked_quantity: 3 },
          { headers }
        )
        await eventually(async () => {
          const fresh = (await api.get("/api/v1/products/vitamin-c-serum")).data.data
          expect(fresh.variants.find((v: any) => v.id === variant.id).inventoryCount).toBe(3)
        })
      })
    })
  },
})

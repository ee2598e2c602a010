import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import seed from "../../src/scripts/seed"
import { DEFAULT_ADMIN_EMAIL, DEFAULT_ADMIN_PASSWORD } from "../../src/scripts/seed/admin-user"
import { toMinorUnits } from "../../src/lib/money"
import { PROMOTION_MINIMUM_MODULE } from "../../src/modules/promotion-minimum"
import { SKINCARE_MODULE } from "../../src/modules/skincare"

jest.setTimeout(120 * 1000)

const runSeed = (container: MedusaContainer) => seed({ container, args: [] } as any)

async function counts(container: MedusaContainer) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const entities = [
    "product",
    "product_variant",
    "product_category",
    "product_tag",
    "region",
    "tax_region",
    "stock_location",
    "shipping_option",
    "promotion",
    "price_list",
    "shipping_rule",
    "product_skincare",
    "review",
    "inventory_level",
    "api_key",
    "sales_channel",
    "user",
  ]
  const result: Record<string, number> = {}
  for (const entity of entities) {
    const { data } = await query.graph({ entity, fields: ["id"] })
    result[entity] = data.length
  }
  return result
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    describe("npm run seed", () => {
      it("creates the shop it promises, and a second run creates nothing", async () => {
        const container = getContainer()
        const query = container.resolve(ContainerRegistrationKeys.QUERY)
        await runSeed(container)

        // Store: USD default and JOD
        const [store] = await container
          .resolve(Modules.STORE)
          .listStores({}, { relations: ["supported_currencies"] })
        expect(
          store.supported_currencies!.map((c) => [c.currency_code, c.is_default]).sort()
        ).toEqual([
          ["jod", false],
          ["usd", true],
        ])

        // Regions and tax
        const { data: regions } = await query.graph({
          entity: "region",
          fields: ["name", "currency_code", "countries.iso_2"],
        })
        expect(
          regions.map((r: any) => [r.name, r.currency_code, r.countries.map((c: any) => c.iso_2)]).sort()
        ).toEqual([
          ["Jordan", "jod", ["jo"]],
          ["United States", "usd", ["us"]],
        ])
        const { data: taxRegions } = await query.graph({
          entity: "tax_region",
          fields: ["country_code", "tax_rates.rate", "tax_rates.is_default"],
        })
        const rateOf = (country: string) =>
          (taxRegions as any[]).find((t) => t.country_code === country).tax_rates.find((r: any) => r.is_default).rate
        expect(rateOf("jo")).toBe(16)
        expect(rateOf("us")).toBe(8)

        // Stock location serving the storefront's sales channel, and shipping
        const { data: locations } = await query.graph({
          entity: "stock_location",
          fields: ["name", "sales_channels.id", "fulfillment_sets.service_zones.name"],
        })
        expect(locations).toHaveLength(1)
        expect(locations[0].name).toBe("Amman Warehouse")
        expect(
          (locations[0] as any).fulfillment_sets.flatMap((f: any) => f.service_zones.map((z: any) => z.name)).sort()
        ).toEqual(["Jordan", "United States"])
        const { data: options } = await query.graph({
          entity: "shipping_option",
          fields: ["name", "data", "prices.amount", "prices.currency_code", "type.code"],
        })
        const optionPrice = (name: string, currency: string) =>
          (options.find((o) => o.name === name) as any).prices.find(
            (p: any) => p.currency_code === currency
          ).amount
        expect(options.map((o) => o.name).sort()).toEqual([
          "Express Delivery (Jordan)",
          "Express Delivery (United States)",
          "Same Day Delivery (Jordan)",
          "Standard Delivery (Jordan)",
          "Standard Delivery (United States)",
        ])
        expect(optionPrice("Standard Delivery (United States)", "usd")).toBe(5)
        expect(optionPrice("Express Delivery (United States)", "usd")).toBe(10)
        const jordanSameDay = options.find((o) => o.name === "Same Day Delivery (Jordan)") as any
        expect(jordanSameDay.data.method).toBe("same_day")
        expect(Object.keys(jordanSameDay.data.rules)).toHaveLength(12)
        expect(jordanSameDay.data.rules["JO-AM"]).toEqual({ available: true, price: 15, min_days: 0, max_days: 0 })
        expect(jordanSameDay.data.rules["JO-IR"].available).toBe(false)

        // Catalogue
        const { data: products } = await query.graph({
          entity: "product",
          fields: [
            "handle",
            "status",
            "images.url",
            "tags.value",
            "categories.handle",
            "variants.sku",
            "variants.prices.amount",
            "variants.prices.currency_code",
            "variants.inventory_items.inventory.location_levels.stocked_quantity",
          ],
        })
        expect(products.length).toBeGreaterThanOrEqual(30)
        expect(products.every((p) => p.status === "published")).toBe(true)
        expect(products.every((p) => p.images!.length >= 1 && p.tags!.length >= 1)).toBe(true)
        const categoryHandles = new Set(products.map((p) => p.categories![0]!.handle))
        expect([...categoryHandles].sort()).toEqual([
          "cleansers",
          "eye-care",
          "masks",
          "moisturisers",
          "serums",
          "sunscreens",
          "toners",
        ])
        const variants = products.flatMap((p) => p.variants!)
        expect(products.every((p) => p.variants!.length >= 1 && p.variants!.length <= 3)).toBe(true)
        expect(new Set(variants.map((v) => v!.sku)).size).toBe(variants.length)
        for (const variant of variants as any[]) {
          const currencies = variant.prices.map((p: any) => p.currency_code).sort()
          expect(currencies).toEqual(["jod", "usd"])
          const jod = variant.prices.find((p: any) => p.currency_code === "jod").amount
          expect(toMinorUnits(jod, "jod") % 10).toBe(0)
        }
        const stock = variants.map(
          (v) => v!.inventory_items![0]!.inventory!.location_levels![0]!.stocked_quantity
        )
        expect(stock.filter((q) => q > 0 && q < 10).length).toBeGreaterThanOrEqual(1)
        expect(stock.filter((q) => q === 0).length).toBeGreaterThanOrEqual(1)

        // Skincare facts for every product
        const skincare = await (container.resolve(SKINCARE_MODULE) as any).listProductSkincares({}, { take: null })
        expect(skincare).toHaveLength(products.length)
        expect(skincare.every((s: any) => s.ingredients.length > 0 && s.skin_types.length > 0)).toBe(true)

        // Compare-at prices: a sale price list under some variants' base price
        const { data: priceLists } = await query.graph({
          entity: "price_list",
          fields: ["title", "type", "status", "prices.amount"],
        })
        expect(priceLists).toHaveLength(1)
        expect(priceLists[0]).toMatchObject({ type: "sale", status: "active" })
        expect(priceLists[0].prices!.length).toBeGreaterThan(0)

        // Promotions
        const promotionModule = container.resolve(Modules.PROMOTION)
        const promotions = await promotionModule.listPromotions(
          {},
          { relations: ["application_method", "campaign"] }
        )
        const byCode = Object.fromEntries(promotions.map((p) => [p.code, p]))
        expect(Object.keys(byCode).sort()).toEqual([
          "EXPIRED15",
          "FLAT5",
          "LIMITED1",
          "SAVE20",
          "WELCOME10",
        ])
        expect(byCode.SAVE20.application_method).toMatchObject({ type: "percentage", value: 20 })
        expect(byCode.FLAT5.application_method).toMatchObject({ type: "fixed", value: 5, currency_code: null })
        const minimums = await (container.resolve(PROMOTION_MINIMUM_MODULE) as any)
          .listPromotionMinimums({ promotion_id: byCode.WELCOME10.id })
        expect(
          minimums.map((m: any) => [m.currency_code, Number(m.amount)]).sort()
        ).toEqual([
          ["jod", 35],
          ["usd", 50],
        ])
        expect(new Date(byCode.EXPIRED15.campaign!.ends_at!).getTime()).toBeLessThan(Date.now())
        expect(byCode.LIMITED1).toMatchObject({ limit: 1, used: 1 })

        // The storefront's key lists the catalogue through Medusa's own /store
        const [key] = await container
          .resolve(Modules.API_KEY)
          .listApiKeys({ type: "publishable", title: "Skinior Storefront" })
        const storeProducts = await api.get("/store/products?limit=1", {
          headers: { "x-publishable-api-key": key.token },
        })
        expect(storeProducts.data.count).toBe(products.length)

        // The admin can log in
        const login = await api.post("/auth/user/emailpass", {
          email: DEFAULT_ADMIN_EMAIL,
          password: DEFAULT_ADMIN_PASSWORD,
        })
        expect(typeof login.data.token).toBe("string")

        // Idempotent
        const before = await counts(container)
        await runSeed(container)
        expect(await counts(container)).toEqual(before)
        expect(before.api_key).toBe(1)
        expect(before.sales_channel).toBe(1)
      })
    })
  },
})

import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules, ProductStatus } from "@medusajs/framework/utils"
import { createInventoryLevelsWorkflow, createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { PRODUCTS } from "./seed/catalogue"
import { toSkincareInput } from "./seed/products"
import { upsertProductSkincareWorkflow } from "../workflows/upsert-product-skincare"
import { refreshCatalogueWorkflow } from "../workflows/refresh-catalogue"
import { catalogueSettled } from "../workflows/catalogue-refresher"

const BATCH = 50

/**
 * `medusa exec ./src/scripts/bench-catalogue.ts`: grows a seeded shop to
 * BENCH_PRODUCTS products (default 1000) by varying the real catalogue, for
 * the catalogue benchmark. Idempotent; prints progress.
 */
export default async function benchCatalogue({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const target = Number(process.env.BENCH_PRODUCTS || 1000)
  const { data: existing } = await query.graph({ entity: "product", fields: ["id"] })
  const missing = Math.max(0, target - existing.length)
  logger.info(`Catalogue has ${existing.length} products; adding ${missing} to reach ${target}.`)
  if (missing) {
    await grow(container, existing.length, missing)
  }
  logger.info("Rebuilding the catalogue index ...")
  await catalogueSettled()
  const { result } = await refreshCatalogueWorkflow(container).run({ input: {} })
  logger.info(`Catalogue index: ${result.refreshed} products.`)
}

async function grow(container: ExecArgs["container"], start: number, missing: number) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  const [channel] = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({ name: "Skinior Storefront" })
  const [location] = await container.resolve(Modules.STOCK_LOCATION).listStockLocations({ name: "Amman Warehouse" })
  const [profile] = await container.resolve(Modules.FULFILLMENT).listShippingProfiles({ type: "default" })
  const categories = await container.resolve(Modules.PRODUCT).listProductCategories({}, { take: null })
  const categoryId = new Map(categories.map((c) => [c.handle, c.id]))
  if (!channel || !location || !profile) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "Run `npm run seed` first: the benchmark grows the seeded shop.")
  }

  for (let done = 0; done < missing; done += BATCH) {
    const size = Math.min(BATCH, missing - done)
    const batch = Array.from({ length: size }, (_, i) => {
      const n = start + done + i
      const base = PRODUCTS[n % PRODUCTS.length]
      const factor = 0.6 + ((n * 37) % 100) / 100
      return { n, base, factor }
    })
    const { result } = await createProductsWorkflow(container).run({
      input: {
        products: batch.map(({ n, base, factor }) => ({
          title: `${base.title} ${n}`,
          handle: `bench-${n}-${base.handle}`,
          description: base.description,
          status: ProductStatus.PUBLISHED,
          category_ids: [categoryId.get(base.category)!],
          shipping_profile_id: profile.id,
          sales_channels: [{ id: channel.id }],
          metadata: { title_ar: base.titleAr, description_ar: base.descriptionAr },
          options: [{ title: "Size", values: base.variants.map((v) => v.title) }],
          variants: base.variants.map((v) => ({
            title: v.title,
            sku: `BENCH-${n}-${v.sku}`,
            options: { Size: v.title },
            prices: [
              { currency_code: "usd", amount: Math.round(v.usd * factor * 100) / 100 },
              { currency_code: "jod", amount: Math.round(v.jod * factor * 100) / 100 },
            ],
          })),
        })),
      },
    })
    const { data: items } = await query.graph({
      entity: "inventory_item",
      fields: ["id", "sku"],
      filters: { sku: result.flatMap((p) => (p.variants ?? []).map((v) => v.sku!)) },
    })
    await createInventoryLevelsWorkflow(container).run({
      input: {
        inventory_levels: items.map((item, i) => ({
          inventory_item_id: item.id,
          location_id: location.id,
          stocked_quantity: (i * 13) % 7 === 0 ? 0 : 5 + ((i * 31) % 200),
        })),
      },
    })
    await upsertProductSkincareWorkflow(container).run({
      input: {
        items: result.map((product, i) => toSkincareInput(product.id, batch[i].base)),
      },
    })
    logger.info(`  ${done + size}/${missing} products`)
  }
}

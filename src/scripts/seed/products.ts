import {
  createInventoryLevelsWorkflow,
  createPriceListsWorkflow,
  createProductCategoriesWorkflow,
  createProductTagsWorkflow,
  createProductsWorkflow,
} from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import { CATEGORIES, PRODUCTS, SeedProduct } from "./catalogue"
import type { SeedContext } from "./context"
import { seedProductImages } from "./images"
import { SKINCARE_MODULE } from "../../modules/skincare"
import type SkincareModuleService from "../../modules/skincare/service"
import { upsertProductSkincareWorkflow } from "../../workflows/upsert-product-skincare"

export const SALE_PRICE_LIST_TITLE = "Skinior Seasonal Sale"
const BATCH = 10

/** Categories and tags the catalogue uses; returns their ids by handle / value. */
async function seedTaxonomy({ container, report }: SeedContext) {
  const productModule = container.resolve(Modules.PRODUCT)

  const categories = await productModule.listProductCategories({
    handle: CATEGORIES.map((c) => c.handle),
  })
  const missingCategories = CATEGORIES.filter((c) => !categories.some((e) => e.handle === c.handle))
  if (missingCategories.length) {
    const { result } = await createProductCategoriesWorkflow(container).run({
      input: {
        product_categories: missingCategories.map((c, rank) => ({
          name: c.name,
          handle: c.handle,
          description: c.description,
          is_active: true,
          rank,
          metadata: { name_ar: c.nameAr },
        })),
      },
    })
    categories.push(...result)
  }
  report("product categories", missingCategories.length, CATEGORIES.length - missingCategories.length)

  const tagValues = [...new Set(PRODUCTS.flatMap((p) => p.tags))]
  const tags = await productModule.listProductTags({ value: tagValues })
  const missingTags = tagValues.filter((value) => !tags.some((t) => t.value === value))
  if (missingTags.length) {
    const { result } = await createProductTagsWorkflow(container).run({
      input: { product_tags: missingTags.map((value) => ({ value })) },
    })
    tags.push(...result)
  }
  report("product tags", missingTags.length, tagValues.length - missingTags.length)

  return {
    categoryId: new Map(categories.map((c) => [c.handle, c.id])),
    tagId: new Map(tags.map((t) => [t.value, t.id])),
  }
}

function toProductInput(
  product: SeedProduct,
  ids: { categoryId: Map<string, string>; tagId: Map<string, string> },
  salesChannelId: string,
  shippingProfileId: string
) {
  return {
    title: product.title,
    subtitle: product.subtitle,
    handle: product.handle,
    description: product.description,
    status: ProductStatus.PUBLISHED,
    category_ids: [ids.categoryId.get(product.category)!],
    tag_ids: product.tags.map((tag) => ids.tagId.get(tag)!),
    // Pictures come after, from seedProductImages (generated and uploaded through the file module).
    weight: product.variants[0].weightGrams,
    shipping_profile_id: shippingProfileId,
    sales_channels: [{ id: salesChannelId }],
    metadata: { title_ar: product.titleAr, description_ar: product.descriptionAr },
    options: [{ title: "Size", values: product.variants.map((v) => v.title) }],
    variants: product.variants.map((variant) => ({
      title: variant.title,
      sku: variant.sku,
      weight: variant.weightGrams,
      manage_inventory: true,
      allow_backorder: false,
      options: { Size: variant.title },
      // A variant on sale keeps its "was" price as the base price; the sale
      // price list below carries what it sells for (Medusa's compare-at).
      prices: [
        { currency_code: "usd", amount: variant.compareAtUsd ?? variant.usd },
        { currency_code: "jod", amount: variant.compareAtJod ?? variant.jod },
      ],
    })),
  }
}

/** Stock at the Amman warehouse for every variant that has none recorded yet. */
async function seedInventory({ container, report }: SeedContext, stockLocationId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const stockBySku = new Map(PRODUCTS.flatMap((p) => p.variants.map((v) => [v.sku, v.stock])))

  const { data: items } = await query.graph({
    entity: "inventory_item",
    fields: ["id", "sku", "location_levels.location_id"],
    filters: { sku: [...stockBySku.keys()] },
  })
  const missing = items.filter(
    (item) => !item.location_levels?.some((level: { location_id?: string } | null) => level?.location_id === stockLocationId)
  )
  if (missing.length) {
    await createInventoryLevelsWorkflow(container).run({
      input: {
        inventory_levels: missing.map((item) => ({
          inventory_item_id: item.id,
          location_id: stockLocationId,
          stocked_quantity: stockBySku.get(item.sku!) ?? 0,
        })),
      },
    })
  }
  report("inventory levels at the Amman Warehouse", missing.length, items.length - missing.length)
}

/** The sale price list that gives some variants a compare-at ("was") price. */
async function seedSalePrices({ container, report }: SeedContext) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  const { data: existing } = await query.graph({
    entity: "price_list",
    fields: ["id"],
    filters: { title: SALE_PRICE_LIST_TITLE },
  })
  if (existing.length) {
    return report("sale price list", 0, 1)
  }
  const onSale = PRODUCTS.flatMap((p) => p.variants).filter((v) => v.compareAtUsd !== undefined)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "sku"],
    filters: { sku: onSale.map((v) => v.sku) },
  })
  const idBySku = new Map(variants.map((v) => [v.sku, v.id]))
  await createPriceListsWorkflow(container).run({
    input: {
      price_lists_data: [
        {
          title: SALE_PRICE_LIST_TITLE,
          description: "Compare-at prices: the variants' base price is the price before the sale",
          status: "active",
          prices: onSale.flatMap((v) => [
            { variant_id: idBySku.get(v.sku)!, currency_code: "usd", amount: v.usd },
            { variant_id: idBySku.get(v.sku)!, currency_code: "jod", amount: v.jod },
          ]),
        },
      ],
    },
  })
  report(`sale price list (${onSale.length} variants)`, 1, 0)
}

/** A catalogue product's skincare facts as the upsert workflow takes them. */
export function toSkincareInput(productId: string, data: SeedProduct) {
  return {
    product_id: productId,
    ingredients: data.ingredients,
    skin_types: data.skinTypes,
    concerns: data.concerns,
    how_to_use: data.howToUse,
    seo_title: data.seoTitle,
    seo_description: data.seoDescription,
  }
}

/** The skincare facts of every catalogue product that has none yet. */
async function seedSkincare({ container, report }: SeedContext) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "handle"],
    filters: { handle: PRODUCTS.map((p) => p.handle) },
  })
  const service = container.resolve<SkincareModuleService>(SKINCARE_MODULE)
  const existing = await service.listProductSkincares(
    { product_id: products.map((p) => p.id) },
    { take: null, select: ["product_id"] }
  )
  const missing = products.filter((p) => !existing.some((e) => e.product_id === p.id))
  if (missing.length) {
    await upsertProductSkincareWorkflow(container).run({
      input: {
        items: missing.map((product) =>
          toSkincareInput(product.id, PRODUCTS.find((p) => p.handle === product.handle)!)
        ),
      },
    })
  }
  report("skincare facts (ingredients, skin types, concerns, SEO)", missing.length, products.length - missing.length)
}

/** The skincare catalogue: categories, tags, products with sizes and prices, stock, sale prices. */
export async function seedProducts(
  ctx: SeedContext,
  state: { salesChannelId: string; shippingProfileId: string; stockLocationId: string }
) {
  const productModule = ctx.container.resolve(Modules.PRODUCT)
  const ids = await seedTaxonomy(ctx)

  const existing = await productModule.listProducts(
    { handle: PRODUCTS.map((p) => p.handle) },
    { select: ["handle"], take: PRODUCTS.length }
  )
  const missing = PRODUCTS.filter((p) => !existing.some((e) => e.handle === p.handle))
  for (let start = 0; start < missing.length; start += BATCH) {
    const batch = missing.slice(start, start + BATCH)
    await createProductsWorkflow(ctx.container).run({
      input: {
        products: batch.map((p) =>
          toProductInput(p, ids, state.salesChannelId, state.shippingProfileId)
        ),
      },
    })
    ctx.logger.info(`  products ${start + batch.length}/${missing.length} created`)
  }
  ctx.report("products", missing.length, PRODUCTS.length - missing.length)
  await seedProductImages(ctx)

  await seedInventory(ctx, state.stockLocationId)
  await seedSalePrices(ctx)
  await seedSkincare(ctx)
}

import type { RemoteQueryFunction } from "@medusajs/framework/types"
import { getVariantAvailability, QueryContext } from "@medusajs/framework/utils"
import { toMinorUnits } from "../../lib/money"
import { foldText, wordsOf } from "../../lib/text"
import { PRODUCT_FIELDS as PRESENTED_FIELDS, presentCatalogueProduct, ProductRecord } from "./document"

export const CATALOGUE_CURRENCIES = ["usd", "jod"] as const

const PRODUCT_FIELDS = [
  ...PRESENTED_FIELDS.filter((f) => !f.includes("calculated_price")),
  "id",
  "handle",
  "title",
  "subtitle",
  "description",
  "status",
  "created_at",
  "metadata",
  "categories.handle",
  "categories.name",
  "categories.metadata",
  "tags.value",
  "sales_channels.id",
  "variants.id",
  "variants.manage_inventory",
  "variants.allow_backorder",
  "product_skincare.ingredients",
  "product_skincare.skin_types",
  "product_skincare.concerns",
]

type Variant = { id: string; manage_inventory?: boolean; allow_backorder?: boolean }

async function variantPrices(query: Omit<RemoteQueryFunction, symbol>, productIds: string[], currency: string) {
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["id", "product_id", "calculated_price.calculated_amount", "calculated_price.original_amount"],
    filters: { product_id: productIds },
    context: { calculated_price: QueryContext({ currency_code: currency }) },
  })
  const byVariant = new Map<string, unknown>(data.map((v: any) => [v.id, v.calculated_price]))
  const lowest = new Map<string, number>()
  for (const variant of data) {
    const amount = variant.calculated_price?.calculated_amount
    if (amount === null || amount === undefined) continue
    const minor = toMinorUnits(amount, currency)
    const current = lowest.get(variant.product_id)
    if (current === undefined || minor < current) lowest.set(variant.product_id, minor)
  }
  return { lowest, byVariant }
}

/**
 * The catalogue read model of some products, computed from Medusa's own data.
 * A module cannot reach other modules' data itself, so the caller (a workflow
 * step) passes the application's Query.
 */
export async function buildCatalogueEntries(query: Omit<RemoteQueryFunction, symbol>, productIds: string[]) {
  const { data: products } = await query.graph({
    entity: "product",
    fields: PRODUCT_FIELDS,
    filters: { id: productIds },
  })
  if (!products.length) return []
  const ids = products.map((p: { id: string }) => p.id)
  const [usd, jod] = await Promise.all(CATALOGUE_CURRENCIES.map((c) => variantPrices(query, ids, c)))
  const prices = { usd, jod }

  // Sellable now, per sales channel: a variant counts when it has stock
  // left after reservations, allows backorder, or does not track stock.
  const channelIds = [...new Set(products.flatMap((p: any) => (p.sales_channels ?? []).map((s: any) => s?.id)))].filter(Boolean) as string[]
  const inStock = new Map<string, Set<string>>()
  const stock = new Map<string, Record<string, Record<string, [number, boolean]>>>()
  for (const channelId of channelIds) {
    const variants = products
      .filter((p: any) => p.sales_channels?.some((s: any) => s?.id === channelId))
      .flatMap((p: any) => (p.variants ?? []) as Variant[])
    const availability = variants.length
      ? await getVariantAvailability(query, { variant_ids: variants.map((v) => v.id), sales_channel_id: channelId })
      : {}
    for (const product of products as any[]) {
      if (!product.sales_channels?.some((s: any) => s?.id === channelId)) continue
      const perVariant: Record<string, [number, boolean]> = {}
      for (const v of (product.variants ?? []) as Variant[]) {
        const count = Math.max(0, availability[v.id]?.availability ?? 0)
        perVariant[v.id] = [count, !v.manage_inventory || !!v.allow_backorder || count > 0]
      }
      stock.set(product.id, { ...(stock.get(product.id) ?? {}), [channelId]: perVariant })
      const sellable = Object.values(perVariant).some(([, available]) => available)
      if (sellable) {
        if (!inStock.has(product.id)) inStock.set(product.id, new Set())
        inStock.get(product.id)!.add(channelId)
      }
    }
  }

  return products.map((product: any) => {
    const skincare = product.product_skincare ?? {}
    const categories = (product.categories ?? []).filter(Boolean)
    const tags = (product.tags ?? []).map((t: any) => t?.value).filter(Boolean)
    const name = [product.title, product.subtitle, product.metadata?.title_ar].filter(Boolean).join(" ")
    const category = categories.map((c: any) => `${c.name} ${c.handle} ${c.metadata?.name_ar ?? ""}`).join(" ")
    const concerns = (skincare.concerns ?? []).join(" ")
    const ingredients = (skincare.ingredients ?? []).join(" ")
    const description = [product.description, product.metadata?.description_ar].filter(Boolean).join(" ")
    return {
      product_id: product.id,
      handle: product.handle,
      title: product.title,
      status: product.status,
      product_created_at: new Date(product.created_at),
      category_handles: categories.map((c: any) => c.handle),
      tags,
      skin_types: skincare.skin_types ?? [],
      concerns: skincare.concerns ?? [],
      sales_channel_ids: (product.sales_channels ?? []).map((s: any) => s?.id).filter(Boolean),
      in_stock_channel_ids: [...(inStock.get(product.id) ?? [])],
      price_usd: usd.lowest.get(product.id) ?? null,
      price_jod: jod.lowest.get(product.id) ?? null,
      document: Object.fromEntries(
        CATALOGUE_CURRENCIES.map((currency) => {
          const record = {
            ...product,
            variants: (product.variants ?? []).map((v: any) => ({
              ...v,
              calculated_price: prices[currency].byVariant.get(v.id),
            })),
          } as ProductRecord
          return [currency, presentCatalogueProduct(record, currency, {})]
        })
      ),
      variant_stock: stock.get(product.id) ?? {},
      search_name: foldText(name),
      search_tags: foldText(tags.join(" ")),
      search_category: foldText(category),
      search_concerns: foldText(concerns),
      search_ingredients: foldText(ingredients),
      search_description: foldText(description),
      words: wordsOf(name, tags.join(" "), category, concerns, ingredients, description),
    }
  })
}

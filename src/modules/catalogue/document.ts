import { toMinorUnits } from "../../lib/money"

// The list shape of a product as the catalogue read model stores it (one
// document per currency). It lives in the module because the module's
// builder writes it; the API's presenters extend it for the product page.

type Price = { calculated_amount?: number | null; original_amount?: number | null } | null | undefined

export type ProductRecord = {
  id: string
  title: string
  handle: string
  description?: string | null
  status: string
  created_at: Date | string
  updated_at: Date | string
  images?: ({ id: string; url: string; rank?: number | null } | null)[] | null
  categories?: ({ handle: string } | null)[] | null
  tags?: ({ value: string } | null)[] | null
  variants?: ({
    id: string
    title?: string | null
    sku?: string | null
    manage_inventory?: boolean
    allow_backorder?: boolean
    calculated_price?: Price
  } | null)[] | null
  product_skincare?: {
    ingredients?: string[]
    skin_types?: string[]
    concerns?: string[]
    how_to_use?: string | null
    seo_title?: string | null
    seo_description?: string | null
  } | null
}

export const PRODUCT_FIELDS = [
  "id",
  "title",
  "handle",
  "description",
  "status",
  "created_at",
  "updated_at",
  "images.id",
  "images.url",
  "images.rank",
  "categories.handle",
  "tags.value",
  "variants.id",
  "variants.title",
  "variants.sku",
  "variants.manage_inventory",
  "variants.allow_backorder",
  "variants.calculated_price.calculated_amount",
  "variants.calculated_price.original_amount",
  "product_skincare.ingredients",
  "product_skincare.skin_types",
  "product_skincare.concerns",
  "product_skincare.how_to_use",
  "product_skincare.seo_title",
  "product_skincare.seo_description",
]

const STATUS: Record<string, string> = { published: "active", draft: "draft", proposed: "draft", rejected: "archived" }

/** The contract's product for the list: prices in minor units of `currency`, stock per variant. */
export function presentCatalogueProduct(product: ProductRecord, currency: string, availability: Record<string, number | null | undefined>) {
  const variants = (product.variants ?? []).filter((v): v is NonNullable<typeof v> => !!v)
  const priced = variants.map((variant) => {
    const calculated = variant.calculated_price?.calculated_amount
    const original = variant.calculated_price?.original_amount
    const price = calculated === null || calculated === undefined ? null : toMinorUnits(calculated, currency)
    const was = original === null || original === undefined ? null : toMinorUnits(original, currency)
    const inventoryCount = Math.max(0, availability[variant.id] ?? 0)
    return {
      id: variant.id,
      name: variant.title ?? null,
      sku: variant.sku ?? null,
      price,
      compareAtPrice: price !== null && was !== null && was > price ? was : null,
      inventoryCount,
      available: !variant.manage_inventory || !!variant.allow_backorder || inventoryCount > 0,
    }
  })
  const cheapest = priced
    .filter((v) => v.price !== null)
    .sort((a, b) => (a.price as number) - (b.price as number))[0]
  const skincare = product.product_skincare ?? {}
  return {
    id: product.id,
    name: product.title,
    slug: product.handle,
    description: product.description ?? null,
    price: cheapest?.price ?? null,
    compareAtPrice: cheapest?.compareAtPrice ?? null,
    currency: currency.toUpperCase(),
    images: (product.images ?? [])
      .filter((i): i is NonNullable<typeof i> => !!i)
      .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
      .map((image, index) => ({ id: image.id, url: image.url, altText: product.title, sortOrder: index + 1 })),
    variants: priced,
    category: product.categories?.find(Boolean)?.handle ?? null,
    tags: (product.tags ?? []).map((t) => t?.value).filter(Boolean),
    status: STATUS[product.status] ?? product.status,
    seoTitle: skincare.seo_title ?? null,
    seoDescription: skincare.seo_description ?? null,
    createdAt: new Date(product.created_at).toISOString(),
    updatedAt: new Date(product.updated_at).toISOString(),
  }
}

export type CatalogueDocument = ReturnType<typeof presentCatalogueProduct>

import { createHash } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, getVariantAvailability, Modules, QueryContext } from "@medusajs/framework/utils"
import { CATALOGUE_CACHE_TAG, CATALOGUE_MODULE } from "../../modules/catalogue"
import type CatalogueModuleService from "../../modules/catalogue/service"
import type { CatalogueQuery } from "../../modules/catalogue/service"
import { REVIEW_MODULE } from "../../modules/review"
import type ReviewModuleService from "../../modules/review/service"
import { wordsOf } from "../../lib/text"
import { cachedJsonAnswer, JsonAnswer, readJsonAnswer, storeJsonAnswer } from "../../lib/catalogue-cache"
import { PRODUCT_FIELDS, presentProduct, presentProductDetail, ProductRecord } from "../presenters/product"
import { pagination } from "./pagination"
import { notFoundError } from "../../lib/errors"

const DAY_SECONDS = 24 * 60 * 60

/**
 * Answers from Medusa's caching module (Redis with REDIS_URL, a bounded
 * memory cache otherwise) for up to a day; every catalogue change clears the
 * tag. A failing or slow cache is a miss, never an error (lib/catalogue-cache).
 * Answers the text and its ETag, for http/http-cache's sendJsonAnswer.
 */
export async function cachedJson(scope: MedusaContainer, parts: unknown, compute: () => Promise<object>) {
  return cachedJsonAnswer(
    scope.resolve(Modules.CACHING),
    scope.resolve(ContainerRegistrationKeys.LOGGER),
    catalogueEntry(`api-v1:${sha256(JSON.stringify(parts))}`),
    compute
  )
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex")
// Same lifetime and tag as the answers themselves: a catalogue change clears both.
const catalogueEntry = (key: string) => ({ key, tags: [CATALOGUE_CACHE_TAG], ttl: DAY_SECONDS })

/**
 * The key of an answer by the request as it came (its raw URL and the sales
 * channel its publishable key resolved to): all a cached answer depends on,
 * so a hit needs neither the query's validation nor the channel lookup.
 */
export const answerKeyOfUrl = (originalUrl: string, channelId: string) =>
  `api-v1-url:${sha256(`${channelId} ${originalUrl}`)}`

/** The answer a route sent for this URL key, or undefined (miss, failing cache). */
export function cachedAnswerOfUrl(scope: MedusaContainer, key: string) {
  return readJsonAnswer(scope.resolve(Modules.CACHING), scope.resolve(ContainerRegistrationKeys.LOGGER), key)
}

/** Keeps a route's 200 answer under its URL key, beside the entry of its validated parameters. */
export function rememberAnswerOfUrl(scope: MedusaContainer, key: string, answer: JsonAnswer) {
  return storeJsonAnswer(
    scope.resolve(Modules.CACHING),
    scope.resolve(ContainerRegistrationKeys.LOGGER),
    catalogueEntry(key),
    answer
  )
}

async function loadProducts(scope: MedusaContainer, filters: Record<string, unknown>, currency: string, channelId: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: PRODUCT_FIELDS,
    filters,
    context: { variants: { calculated_price: QueryContext({ currency_code: currency.toLowerCase() }) } },
  })
  const products = data as unknown as ProductRecord[]
  const variantIds = products.flatMap((p) => (p.variants ?? []).map((v) => v?.id)).filter(Boolean) as string[]
  const availability = variantIds.length
    ? await getVariantAvailability(query, { variant_ids: variantIds, sales_channel_id: channelId })
    : {}
  const counts = Object.fromEntries(Object.entries(availability).map(([id, a]) => [id, a.availability]))
  return { products, counts }
}

export type CatalogueParams = Omit<CatalogueQuery, "salesChannelId" | "currency" | "words"> & {
  channelId: string
  currency: "USD" | "JOD"
  search?: string
}

/** One page of the storefront's product list or search, in the contract's list envelope. */
export async function listCatalogue(scope: MedusaContainer, params: CatalogueParams) {
  const catalogue: CatalogueModuleService = scope.resolve(CATALOGUE_MODULE)
  const words = params.search !== undefined ? wordsOf(params.search) : undefined
  const currency = params.currency.toLowerCase() as "usd" | "jod"
  const { rows, total } = await catalogue.findProductIds({
    salesChannelId: params.channelId,
    currency,
    page: params.page,
    limit: params.limit,
    category: params.category,
    skinType: params.skinType,
    concern: params.concern,
    minPrice: params.minPrice,
    maxPrice: params.maxPrice,
    inStock: params.inStock,
    words,
    sortBy: params.sortBy,
    sortOrder: params.sortOrder,
  })
  // The read model already holds each answer; only stock is per channel.
  return {
    data: rows.map((row) => withStock(row.document[currency], row.variant_stock?.[params.channelId] ?? {})),
    pagination: pagination(params.page, params.limit, total),
  }
}

type Listed = ReturnType<typeof presentProduct>

function withStock(document: Listed, stock: Record<string, [number, boolean]>): Listed {
  return {
    ...document,
    variants: document.variants.map((variant) => {
      const [inventoryCount, available] = stock[variant.id] ?? [0, false]
      return { ...variant, inventoryCount, available }
    }),
  }
}

/** One published product (by id or handle) with skincare facts and its review summary. */
export async function productDetail(scope: MedusaContainer, idOrHandle: string, currency: string, channelId: string) {
  const filters = idOrHandle.startsWith("prod_") ? { id: idOrHandle } : { handle: idOrHandle }
  const {
    products: [product],
    counts,
  } = await loadProducts(scope, filters, currency, channelId)
  if (!product || product.status !== "published") {
    throw notFoundError(`Product ${idOrHandle} not found`)
  }
  const reviews: ReviewModuleService = scope.resolve(REVIEW_MODULE)
  return presentProductDetail(product, currency, counts, await reviews.summarize(product.id))
}

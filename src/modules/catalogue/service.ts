import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import CatalogueEntry from "./models/catalogue-entry"
import CatalogueWord from "./models/catalogue-word"

export type CatalogueQuery = {
  salesChannelId: string
  currency: "usd" | "jod"
  page: number
  limit: number
  category?: string
  skinType?: string
  concern?: string
  minPrice?: number
  maxPrice?: number
  inStock?: boolean
  /** Folded search words (lib/text.ts); each may match a prefix or a close spelling. */
  words?: string[]
  sortBy?: "price" | "name" | "created_at" | "relevance"
  sortOrder?: "asc" | "desc"
}

// Column names come from these maps only, never from input.
const PRICE_COLUMN = { usd: "price_usd", jod: "price_jod" } as const
const SORT_COLUMN = { name: "title", created_at: "product_created_at" } as const

// Where a word matched decides the rank: name, then tags, category,
// concerns, ingredients and description.
const FIELD_WEIGHTS: [string, number][] = [
  ["search_name", 32],
  ["search_tags", 16],
  ["search_category", 8],
  ["search_concerns", 4],
  ["search_ingredients", 2],
  ["search_description", 1],
]

type Knex = any

export type CatalogueRow = { product_id: string; document: any; variant_stock: any }

/** Each word as a prefix or one of its close spellings; all words must match. */
function toTsQuery(words: string[], corrections: Record<string, string[]>) {
  return words
    .map((word) => {
      const options = [`${word}:*`, ...(corrections[word] ?? []).filter((w) => w !== word)]
      return `(${options.join(" | ")})`
    })
    .join(" & ")
}

class CatalogueModuleService extends MedusaService({ CatalogueEntry, CatalogueWord }) {
  /** For each word, catalogue words spelt like it (trigram similarity), best first. */
  @InjectManager()
  async correctWords(words: string[], @MedusaContext() sharedContext: Context = {}) {
    const knex: Knex = (sharedContext.manager as any).getKnex()
    const corrections: Record<string, string[]> = {}
    for (const word of words) {
      const rows = await knex.raw(
        `select word from catalogue_word
          where deleted_at is null and word % ? and similarity(word, ?) >= 0.35
          order by similarity(word, ?) desc, word limit 3`,
        [word, word, word]
      )
      corrections[word] = rows.rows.map((r: { word: string }) => r.word)
    }
    return corrections
  }

  /** Product ids of one page of the storefront's list or search, and the total. */
  @InjectManager()
  async findProductIds(params: CatalogueQuery, @MedusaContext() sharedContext: Context = {}) {
    const knex: Knex = (sharedContext.manager as any).getKnex()
    const price = PRICE_COLUMN[params.currency]
    const tsquery = params.words?.length
      ? toTsQuery(params.words, await this.correctWords(params.words, sharedContext))
      : undefined

    const query = knex("catalogue_entry")
      .whereNull("deleted_at")
      .where("status", "published")
      .whereRaw("? = any(sales_channel_ids)", [params.salesChannelId])
    if (params.category) query.whereRaw("? = any(category_handles)", [params.category])
    if (params.skinType) query.whereRaw("? = any(skin_types)", [params.skinType])
    if (params.concern) query.whereRaw("? = any(concerns)", [params.concern])
    if (params.minPrice !== undefined) query.where(price, ">=", params.minPrice)
    if (params.maxPrice !== undefined) query.where(price, "<=", params.maxPrice)
    if (params.inStock) query.whereRaw("? = any(in_stock_channel_ids)", [params.salesChannelId])
    if (params.words !== undefined) {
      // A search whose text has no words (only punctuation) matches nothing.
      if (!tsquery) return { ids: [] as string[], total: 0, rows: [] as CatalogueRow[] }
      query.whereRaw("search_vector @@ to_tsquery('simple', ?)", [tsquery])
    }

    const columns: unknown[] = ["product_id", "document", "variant_stock", knex.raw("count(*) over () as total")]
    if (tsquery) {
      const parts = FIELD_WEIGHTS.map(
        ([field, weight]) => `${weight} * (to_tsvector('simple', ${field}) @@ to_tsquery('simple', ?))::int`
      )
      columns.push(
        knex.raw(
          `(${parts.join(" + ")}) + ts_rank(search_vector, to_tsquery('simple', ?)) as relevance`,
          [...FIELD_WEIGHTS.map(() => tsquery), tsquery]
        )
      )
    }
    query.select(columns)

    const order = params.sortOrder === "desc" ? "desc" : "asc"
    const sortBy = params.sortBy ?? (tsquery ? "relevance" : "created_at")
    if (sortBy === "relevance" && tsquery) {
      query.orderBy("relevance", "desc")
    } else if (sortBy === "price") {
      query.orderByRaw(`${price} ${order} nulls last`)
    } else if (sortBy === "name") {
      query.orderBy(SORT_COLUMN.name, order)
    } else {
      query.orderBy(SORT_COLUMN.created_at, sortBy === "created_at" && params.sortOrder ? order : "desc")
    }
    query.orderBy("product_id", "asc").limit(params.limit).offset((params.page - 1) * params.limit)

    const rows: (CatalogueRow & { total: string })[] = await query
    let total = rows.length ? Number(rows[0].total) : 0
    if (!rows.length && params.page > 1) {
      // Past the last page: still answer how many there are.
      const [{ count }] = await query.clone().clearSelect().clearOrder().offset(0).limit(1).count("* as count")
      total = Number(count)
    }
    return { ids: rows.map((r) => r.product_id), total, rows }
  }
}

export default CatalogueModuleService

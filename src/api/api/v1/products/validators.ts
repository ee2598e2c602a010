import { z } from "@medusajs/framework/zod"
import { LIMITS } from "../../../../lib/text-safety"
import { CONCERNS, SKIN_TYPES } from "../../../../modules/skincare/vocabulary"

export const CreateReviewBody = z
  .object({
    rating: z.number().int().min(1).max(5),
    title: z.string().trim().min(1).max(LIMITS.reviewTitle),
    body: z.string().trim().min(1).max(LIMITS.reviewBody),
  })
  .strict()
export type CreateReviewBody = z.infer<typeof CreateReviewBody>

export const ListReviewsQuery = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict()
export type ListReviewsQuery = z.infer<typeof ListReviewsQuery>

const minor = z.coerce.number().int().min(0)
const listFields = {
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  currency: z
    .string()
    .max(3)
    .transform((c) => c.toUpperCase())
    .pipe(z.enum(["USD", "JOD"]))
    .default("USD"),
  category: z.string().trim().min(1).max(LIMITS.name).optional(),
  minPrice: minor.optional(),
  maxPrice: minor.optional(),
  sortOrder: z.enum(["asc", "desc"]).optional(),
  inStock: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  skinType: z.enum(SKIN_TYPES).optional(),
  concern: z.enum(CONCERNS).optional(),
}
const priceRange = (q: { minPrice?: number; maxPrice?: number }) =>
  q.minPrice === undefined || q.maxPrice === undefined || q.minPrice <= q.maxPrice

export const ListProductsQuery = z
  .object({
    ...listFields,
    search: z.string().trim().max(LIMITS.search).optional(),
    sortBy: z.enum(["price", "name", "created_at"]).optional(),
  })
  .strict()
  .refine(priceRange, { message: "minPrice must not exceed maxPrice", path: ["minPrice"] })
export type ListProductsQuery = z.infer<typeof ListProductsQuery>

// The requirements' `filters` object (filters[category]=serums&filters[minPrice]=1000,
// which Medusa's qs parsing nests) names the same filters as the flat parameters.
export const SEARCH_FILTER_KEYS = ["category", "minPrice", "maxPrice", "inStock", "skinType", "concern"] as const
const searchFilters = z
  .object({
    category: listFields.category,
    minPrice: listFields.minPrice,
    maxPrice: listFields.maxPrice,
    inStock: listFields.inStock,
    skinType: listFields.skinType,
    concern: listFields.concern,
  })
  .strict()

export const SearchProductsQuery = z
  .object({
    ...listFields,
    q: z.string().trim().min(1, "q must not be blank").max(LIMITS.search),
    sortBy: z.enum(["relevance", "price", "name", "created_at"]).optional(),
    filters: searchFilters.optional(),
  })
  .strict()
  .superRefine((query, ctx) => {
    // One value per filter: a flat parameter and the same key in `filters` would be ambiguous.
    for (const key of SEARCH_FILTER_KEYS) {
      if (query.filters?.[key] !== undefined && query[key] !== undefined) {
        ctx.addIssue({ code: "custom", path: ["filters", key], message: `Give ${key} once: as ${key} or as filters[${key}]` })
      }
    }
  })
  .transform(({ filters, ...flat }) => ({ ...flat, ...filters }))
  .refine(priceRange, { message: "minPrice must not exceed maxPrice", path: ["minPrice"] })
export type SearchProductsQuery = z.infer<typeof SearchProductsQuery>

export const ProductDetailQuery = z.object({ currency: listFields.currency }).strict()
export type ProductDetailQuery = z.infer<typeof ProductDetailQuery>

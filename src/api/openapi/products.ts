import {
  CreateReviewBody,
  ListProductsQuery,
  ListReviewsQuery,
  ProductDetailQuery,
  SearchProductsQuery,
} from "../api/v1/products/validators"
import { z } from "@medusajs/framework/zod"
import type { Operation } from "./registry"
import { component } from "./registry"
import { answer, listAnswer, Pagination, Product, ProductDetail, Review, ReviewSummary } from "./schemas"

/** What each catalogue query parameter means (README "Query parameters" says the same). */
export const CATALOGUE_QUERY_DOCS: Record<string, string> = {
  page: "Page number, from 1 (default 1).",
  limit: "Products per page, 1-100 (default 20).",
  currency: "USD or JOD (any case; default USD): prices come in this currency's minor units.",
  category: "A category handle, e.g. serums, cleansers, moisturisers.",
  minPrice: "Lowest price to include, in minor units of `currency` (1000 = 10.00 USD or 1.000 JOD).",
  maxPrice: "Highest price to include, in minor units of `currency`; not below minPrice.",
  sortBy:
    "price (the cheapest variant's), name or created_at; search also takes relevance. Default: relevance when there " +
    "are words to search for, else newest first. Ties go by product id.",
  sortOrder: "asc or desc: default asc for price and name, desc for created_at; relevance is always best first.",
  inStock:
    "true: only products with at least one variant that can be sold now in this sales channel. false (or leaving " +
    "it out): no stock filter, sold-out products included (their variants say available: false).",
  skinType: "Only products for this skin type: normal, dry, oily, combination, sensitive.",
  concern: "Only products for this concern, e.g. acne, dark-spots, fine-lines.",
  search: "Words to look for in names, descriptions, ingredients and concerns (the list's own full-text filter).",
  q: "Required. Words to search for (English or Arabic; typos and accents tolerated).",
  filters:
    "The requirements' filters object, beside the flat parameters: filters[category]=serums&filters[minPrice]=1000. " +
    "Keys: category, minPrice, maxPrice, inStock, skinType, concern; a key may not be given both ways.",
}

const ProductList = listAnswer("ProductList", Product)
const ProductDetailAnswer = answer("ProductDetailAnswer", ProductDetail)
const ReviewList = component("ReviewList", z.object({ data: z.array(Review), pagination: Pagination, summary: ReviewSummary }))
const ReviewAnswer = answer("ReviewAnswer", Review, true)

const productListExample = {
  data: [
    {
      id: "prod_01JH8Y3Q6V9K2M4N5P7R8S9T0A",
      name: "Skinior Vitamin C Serum",
      slug: "vitamin-c-serum",
      description: "Premium vitamin C serum for glowing skin",
      price: 2950,
      compareAtPrice: 3500,
      currency: "USD",
      images: [{ id: "img_01JH8Y3Q6V", url: "/static/vitamin-c-serum.png", altText: "Skinior Vitamin C Serum", sortOrder: 1 }],
      variants: [
        { id: "variant_01JH8Y3Q6W", name: "30ml", sku: "SKN-SER-VC-30", price: 2950, compareAtPrice: 3500, inventoryCount: 150, available: true },
      ],
      category: "serums",
      tags: ["vitamin-c", "anti-aging", "brightening"],
      status: "active",
      seoTitle: "Best Vitamin C Serum for Glowing Skin",
      seoDescription: "Transform your skin with our premium vitamin C serum",
      createdAt: "2025-01-15T10:00:00.000Z",
      updatedAt: "2025-01-15T10:00:00.000Z",
    },
  ],
  pagination: { page: 1, limit: 20, total: 145, totalPages: 8, hasNext: true, hasPrev: false },
}

const notFound = { 404: "No published product with this id or handle" }
const productId = { id: "A product id (prod_...) or its handle (slug)" }

export const productOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/products",
    salesChannel: true,
    tag: "Products",
    summary: "List products",
    description: "Published products, filtered, sorted and paged. Prices in minor units of `currency`.",
    auth: "none",
    query: ListProductsQuery,
    queryDocs: CATALOGUE_QUERY_DOCS,
    cacheable: true,
    success: {
      status: 200,
      description: "One page of products",
      schema: ProductList,
      examples: { usd: { summary: "Serums in USD", value: productListExample } },
    },
    errors: { 400: "A parameter is unknown or out of range (limit over 100, minPrice above maxPrice...)" },
  },
  {
    method: "get",
    path: "/api/v1/products/search",
    salesChannel: true,
    tag: "Products",
    summary: "Search products",
    description:
      "Full-text search with the list's filters, sorted by relevance by default. The filters can also be sent as the " +
      "requirements' `filters` object: `?q=serum&filters[category]=serums&filters[minPrice]=1000`.",
    auth: "none",
    query: SearchProductsQuery,
    queryDocs: CATALOGUE_QUERY_DOCS,
    cacheable: true,
    success: { status: 200, description: "One page of matching products (same shape as the list)", schema: ProductList },
    errors: { 400: "q missing or blank, an unknown parameter or filter, a filter given twice, or a value out of range" },
  },
  {
    method: "get",
    path: "/api/v1/products/{id}",
    salesChannel: true,
    tag: "Products",
    summary: "Get one product",
    description: "The list's shape plus ingredients, skin types, concerns, how to use and the review summary.",
    auth: "none",
    pathParams: productId,
    query: ProductDetailQuery,
    queryDocs: CATALOGUE_QUERY_DOCS,
    cacheable: true,
    success: { status: 200, description: "The product", schema: ProductDetailAnswer },
    errors: { 400: "Unknown parameter or currency", ...notFound },
  },
  {
    method: "get",
    path: "/api/v1/products/{id}/reviews",
    tag: "Products",
    summary: "List a product's approved reviews",
    auth: "none",
    pathParams: productId,
    query: ListReviewsQuery,
    queryDocs: { page: CATALOGUE_QUERY_DOCS.page, limit: "Reviews per page, 1-100 (default 20)." },
    cacheable: true,
    success: { status: 200, description: "Newest first, with the rating summary", schema: ReviewList },
    errors: { 400: "Bad page or limit", ...notFound },
  },
  {
    method: "post",
    path: "/api/v1/products/{id}/reviews",
    tag: "Products",
    summary: "Write a review",
    description: "A signed-in customer's one review of a product; it is shown once the shop approves it.",
    auth: "customer",
    pathParams: productId,
    body: CreateReviewBody,
    bodyExamples: { review: { summary: "Five stars", value: { rating: 5, title: "Glowing", body: "My skin is brighter after two weeks." } } },
    success: { status: 201, description: "The review, pending approval", schema: ReviewAnswer },
    errors: {
      400: "Rating outside 1-5, or a title or body missing or too long",
      401: "No valid customer token",
      ...notFound,
      409: "This customer has already reviewed this product",
    },
  },
]

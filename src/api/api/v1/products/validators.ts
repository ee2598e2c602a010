import { z } from "@medusajs/framework/zod"

export const CreateReviewBody = z
  .object({
    rating: z.number().int().min(1).max(5),
    title: z.string().trim().min(1).max(120),
    body: z.string().trim().min(1).max(5000),
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

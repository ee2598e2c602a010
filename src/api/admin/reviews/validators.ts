import { z } from "@medusajs/framework/zod"
import { LIMITS } from "../../../lib/text-safety"

export const AdminListReviewsQuery = z
  .object({
    status: z.enum(["pending", "approved", "rejected"]).optional(),
    product_id: z.string().min(1).max(LIMITS.id).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminListReviewsQuery = z.infer<typeof AdminListReviewsQuery>

export const AdminSetReviewStatusBody = z.object({ status: z.enum(["approved", "rejected", "pending"]) }).strict()
export type AdminSetReviewStatusBody = z.infer<typeof AdminSetReviewStatusBody>

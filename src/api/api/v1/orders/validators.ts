import { z } from "@medusajs/framework/zod"
import { ORDER_NUMBER_PATTERN } from "../../../../lib/order-number"

export const ListOrdersQuery = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    number: z.string().max(50).regex(ORDER_NUMBER_PATTERN, "number must look like SKN-2025-000123").optional(),
  })
  .strict()
export type ListOrdersQuery = z.infer<typeof ListOrdersQuery>

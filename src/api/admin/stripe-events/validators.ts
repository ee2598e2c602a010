import { z } from "@medusajs/framework/zod"
import { STRIPE_EVENT_STATUSES, STRIPE_EVENT_TYPES } from "../../../lib/stripe-events"
import { LIMITS } from "../../../lib/text-safety"

export const AdminListStripeEventsQuery = z
  .object({
    status: z.enum(STRIPE_EVENT_STATUSES).optional(),
    type: z.enum(STRIPE_EVENT_TYPES).optional(),
    order_id: z.string().min(1).max(LIMITS.id).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminListStripeEventsQuery = z.infer<typeof AdminListStripeEventsQuery>

import { z } from "@medusajs/framework/zod"
import { AUDIT_ACTOR_TYPES, AUDIT_METHODS } from "../../../modules/audit/vocabulary"
import { LIMITS } from "../../../lib/text-safety"

// An ISO date or date-time ("2026-12-05", "2026-12-05T10:00:00Z"), bounded before parsing.
const instant = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), "Invalid date")
  .transform((s) => new Date(s))

export const AdminListAuditEntriesQuery = z
  .object({
    actor_type: z.enum(AUDIT_ACTOR_TYPES).optional(),
    actor_id: z.string().min(1).max(LIMITS.id).optional(),
    entity_id: z.string().min(1).max(LIMITS.id).optional(),
    method: z.enum(AUDIT_METHODS).optional(),
    from: instant.optional(),
    to: instant.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict()
export type AdminListAuditEntriesQuery = z.infer<typeof AdminListAuditEntriesQuery>

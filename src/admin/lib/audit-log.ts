import { useQuery } from "@tanstack/react-query"
import type { AuditActorType, AuditMethod } from "../../modules/audit/vocabulary"
import { sdk } from "./sdk"

/** The audit log (GET /admin/audit-entries): who did what to which entity, when, and how it ended. */

export type AuditEntry = {
  id: string
  actor_type: AuditActorType
  actor_id: string | null
  method: string
  route: string
  path: string
  entity_ids: string[]
  status: number
  request_id: string | null
  ip: string | null
  occurred_at: string
  details: { fields?: string[]; error_type?: string; [k: string]: unknown } | null
}

export type AuditQuery = {
  actor_type?: AuditActorType
  actor_id?: string
  entity_id?: string
  method?: AuditMethod
  from?: string
  to?: string
  limit?: number
  offset?: number
}

/** The page's filter form: dates as the date inputs give them (YYYY-MM-DD, local days). */
export type AuditFilters = {
  actor_type: AuditActorType | ""
  actor_id: string
  entity_id: string
  method: AuditMethod | ""
  from: string
  to: string
}

export const EMPTY_AUDIT_FILTERS: AuditFilters = { actor_type: "", actor_id: "", entity_id: "", method: "", from: "", to: "" }

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** The query for one page of the filtered log; "to" takes in the whole day it names. */
export function auditQueryOf(filters: AuditFilters, page: number, pageSize: number): AuditQuery {
  const query: AuditQuery = { limit: pageSize, offset: page * pageSize }
  if (filters.actor_type) query.actor_type = filters.actor_type
  if (filters.actor_id.trim()) query.actor_id = filters.actor_id.trim()
  if (filters.entity_id.trim()) query.entity_id = filters.entity_id.trim()
  if (filters.method) query.method = filters.method
  if (DAY.test(filters.from)) query.from = new Date(`${filters.from}T00:00:00`).toISOString()
  if (DAY.test(filters.to)) query.to = new Date(`${filters.to}T23:59:59.999`).toISOString()
  return query
}

/** "Who" in one line: the actor type and, when known, its id. */
export const actorLabel = (e: Pick<AuditEntry, "actor_type" | "actor_id">) =>
  e.actor_id ? `${e.actor_type.replace("_", " ")} ${e.actor_id}` : e.actor_type

export const useAuditEntries = (query: AuditQuery, enabled = true) =>
  useQuery({
    queryKey: ["audit-entries", query],
    queryFn: () =>
      sdk.client.fetch<{ audit_entries: AuditEntry[]; count: number; limit: number; offset: number }>(
        "/admin/audit-entries",
        { query }
      ),
    enabled,
  })

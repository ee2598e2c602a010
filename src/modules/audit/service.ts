import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import AuditEntry from "./models/audit-entry"
import type { AuditActorType } from "./vocabulary"

/** What a caller records; the module fills the rest (empty ids, now). */
export type AuditRecordInput = {
  actor_type: AuditActorType
  actor_id?: string | null
  method: string
  route: string
  path?: string
  entity_ids?: string[]
  status: number
  request_id?: string | null
  ip?: string | null
  occurred_at?: Date
  details?: Record<string, unknown> | null
}

export type AuditSearch = {
  actor_type?: AuditActorType
  actor_id?: string
  entity_id?: string
  method?: string
  from?: Date
  to?: Date
  limit: number
  offset: number
}

export type AuditEntryRow = {
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
  occurred_at: Date
  details: Record<string, unknown> | null
}

const COLUMNS = [
  "id",
  "actor_type",
  "actor_id",
  "method",
  "route",
  "path",
  "entity_ids",
  "status",
  "request_id",
  "ip",
  "occurred_at",
  "details",
]

// Bounded so a runaway caller cannot bloat a row; ids are ≤ 100 characters.
const MAX_ENTITY_IDS = 50
const clip = (s: string | null | undefined, max: number) => (s == null ? null : String(s).slice(0, max))

class AuditModuleService extends MedusaService({ AuditEntry }) {
  /** Appends one entry. */
  async record(entry: AuditRecordInput): Promise<{ id: string }> {
    const ids = [...new Set((entry.entity_ids ?? []).filter((i) => typeof i === "string" && i))]
      .slice(0, MAX_ENTITY_IDS)
      .map((i) => i.slice(0, 100))
    const created = await this.createAuditEntries({
      actor_type: entry.actor_type,
      actor_id: clip(entry.actor_id, 100),
      method: entry.method.slice(0, 10),
      route: entry.route.slice(0, 255),
      path: (entry.path ?? entry.route).slice(0, 500),
      entity_ids: ids as unknown as Record<string, unknown>,
      status: entry.status,
      request_id: clip(entry.request_id, 128),
      ip: clip(entry.ip, 64),
      occurred_at: entry.occurred_at ?? new Date(),
      details: entry.details ?? null,
    })
    return { id: created.id }
  }

  /**
   * One page of entries, newest first, and the total. Raw query (bound
   * parameters only) because "entity id among entity_ids" is jsonb
   * containment, which the generated list methods cannot say.
   */
  @InjectManager()
  async search(
    params: AuditSearch,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ entries: AuditEntryRow[]; count: number }> {
    const knex: Knex = (sharedContext.manager as any).getKnex()
    const query = knex("audit_entry").whereNull("deleted_at")
    if (params.actor_type) query.where("actor_type", params.actor_type)
    if (params.actor_id) query.where("actor_id", params.actor_id)
    if (params.method) query.where("method", params.method)
    if (params.entity_id) query.whereRaw("entity_ids @> ?::jsonb", [JSON.stringify([params.entity_id])])
    if (params.from) query.where("occurred_at", ">=", params.from)
    if (params.to) query.where("occurred_at", "<=", params.to)
    const rows = await query
      .select([...COLUMNS, knex.raw("count(*) over () as total")])
      .orderBy([
        { column: "occurred_at", order: "desc" },
        { column: "id", order: "desc" },
      ])
      .limit(params.limit)
      .offset(params.offset)
    let count = rows.length ? Number(rows[0].total) : 0
    if (!rows.length && params.offset > 0) {
      // Past the last page: the window count is not there, ask for it.
      const [{ total }] = await query.clone().clearSelect().clearOrder().clear("limit").clear("offset").count({ total: "*" })
      count = Number(total)
    }
    return {
      entries: rows.map(({ total, ...row }: any) => row as AuditEntryRow),
      count,
    }
  }
}

export default AuditModuleService

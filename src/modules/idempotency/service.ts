import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { openPii, piiKeyring, PiiKeyring, sealPii } from "../../lib/pii"
import type { ResealPage } from "../skin-profile/service"
import IdempotencyRecord from "./models/idempotency-record"

/**
 * How a kept answer is stored: sealed (src/lib/pii.ts), because the answer to
 * POST /api/v1/orders carries the customer's email, phone and addresses. The
 * record's scope and key are authenticated with it, so a body cannot be moved
 * to another record.
 */
type SealedBody = { pii: { key_id: string; sealed: string } }
type RecordLike = { key?: string; scope?: string; response_body?: unknown }

const contextOf = (r: { key: string; scope: string }) => `idempotency:${r.scope}:${r.key}`
const isSealed = (body: unknown): body is SealedBody =>
  !!body && typeof body === "object" && typeof (body as SealedBody).pii?.sealed === "string"

type SqlManager = { execute: (sql: string, params?: unknown[]) => Promise<any[]> }

const PAGE_SQL = `
  select id, key, scope, response_body from idempotency_record
   where id > ? and deleted_at is null
     and (response_body->'pii'->>'key_id') is not null and (response_body->'pii'->>'key_id') <> ?
   order by id limit ?`

const RESEAL_SQL = `
  update idempotency_record set response_body = ?::jsonb, updated_at = now()
   where id = ? and (response_body->'pii'->>'sealed') = ? and deleted_at is null
  returning id`

const COUNT_SQL = `
  select response_body->'pii'->>'key_id' as key_id, count(*)::int as n from idempotency_record
   where deleted_at is null and (response_body->'pii'->>'key_id') is not null
   group by 1`

class IdempotencyModuleService extends MedusaService({ IdempotencyRecord }) {
  private readonly keyring: PiiKeyring = piiKeyring()

  private sealBody<T extends RecordLike>(record: T): T {
    if (!record.key || !record.scope || record.response_body == null || isSealed(record.response_body)) return record
    const { keyId, value } = sealPii(JSON.stringify(record.response_body), contextOf(record as never), this.keyring)
    return { ...record, response_body: { pii: { key_id: keyId, sealed: value } } }
  }

  /** The clear answer; null when its key is no longer configured (the record then counts as not kept). */
  private openBody<T extends RecordLike>(record: T): T | null {
    if (!isSealed(record.response_body) || !record.key || !record.scope) return record
    const { key_id, sealed } = record.response_body.pii
    if (!this.keyring.byId.has(key_id)) return null
    return { ...record, response_body: JSON.parse(openPii({ keyId: key_id, value: sealed }, contextOf(record as never), this.keyring)) }
  }

  // The generated create and list, wrapped: bodies are sealed going in and opened coming out.
  @InjectManager()
  // @ts-expect-error the base declares the generated methods as properties with overloads
  async createIdempotencyRecords(data: any, @MedusaContext() sharedContext: Context = {}) {
    const sealed = Array.isArray(data) ? data.map((r) => this.sealBody(r)) : this.sealBody(data)
    return super.createIdempotencyRecords(sealed, sharedContext)
  }

  @InjectManager()
  // @ts-expect-error the base declares the generated methods as properties with overloads
  async listIdempotencyRecords(filters: any = {}, config: any = {}, @MedusaContext() sharedContext: Context = {}) {
    const rows = await super.listIdempotencyRecords(filters, config, sharedContext)
    return rows.map((r) => this.openBody(r)).filter((r): r is (typeof rows)[number] => r !== null)
  }

  /** Re-seals kept answers under the keyring's first key (src/scripts/pii-rotate.ts); see the skin profile's. */
  @InjectManager()
  async resealPage(
    afterId: string,
    limit: number,
    keyring: PiiKeyring = this.keyring,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ResealPage> {
    return this.resealPage_(afterId, limit, keyring, sharedContext)
  }

  @InjectTransactionManager()
  protected async resealPage_(
    afterId: string,
    limit: number,
    keyring: PiiKeyring,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ResealPage> {
    const sql = sharedContext.transactionManager as SqlManager
    const rows: { id: string; key: string; scope: string; response_body: SealedBody }[] = await sql.execute(PAGE_SQL, [
      afterId,
      keyring.current.id,
      limit,
    ])
    const page: ResealPage = { scanned: rows.length, resealed: 0, skipped: 0, unknownKey: [], lastId: rows.at(-1)?.id ?? null }
    for (const row of rows) {
      const { key_id, sealed } = row.response_body.pii
      if (!keyring.byId.has(key_id)) {
        page.unknownKey.push(row.id)
        continue
      }
      const clear = openPii({ keyId: key_id, value: sealed }, contextOf(row), keyring)
      const next = sealPii(clear, contextOf(row), keyring)
      const body = JSON.stringify({ pii: { key_id: next.keyId, sealed: next.value } })
      const done = await sql.execute(RESEAL_SQL, [body, row.id, sealed])
      if (done.length) page.resealed++
      else page.skipped++
    }
    return page
  }

  /** How many kept answers are sealed under each key id. */
  @InjectManager()
  async countByKey(@MedusaContext() sharedContext: Context = {}): Promise<Map<string, number>> {
    const rows: { key_id: string; n: number }[] = await (sharedContext.manager as SqlManager).execute(COUNT_SQL)
    return new Map(rows.map((r) => [r.key_id, Number(r.n)]))
  }
}

export default IdempotencyModuleService

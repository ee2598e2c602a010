import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { openPii, piiKeyring, PiiKeyring, sealPii } from "../../lib/pii"
import SkinProfile from "./models/skin-profile"

/** What a profile holds, in the clear. */
export type SkinProfileData = {
  skin_type: string | null
  skin_concerns: string[]
  date_of_birth: string | null
}

export const EMPTY_SKIN_PROFILE: SkinProfileData = { skin_type: null, skin_concerns: [], date_of_birth: null }

type SealedRow = { customer_id: string; key_id: string; sealed: string }

/** What one page of a key rotation did (src/scripts/pii-rotate.ts). */
export type ResealPage = {
  /** Rows of the page, by id, that were under another key. */
  scanned: number
  resealed: number
  /** Changed by a server between read and write (that server sealed them itself). */
  skipped: number
  /** Under a key id the keyring does not hold: left as they are. */
  unknownKey: string[]
  /** The last id of the page; null when there is nothing after it. */
  lastId: string | null
}

type SqlManager = { execute: (sql: string, params?: unknown[]) => Promise<any[]> }

const PAGE_SQL = `
  select id, customer_id, key_id, sealed from skin_profile
   where id > ? and key_id <> ? and deleted_at is null
   order by id limit ?`

// Only if the row is still what was read: a server's edit in between wins.
const RESEAL_SQL = `
  update skin_profile set key_id = ?, sealed = ?, updated_at = now()
   where id = ? and key_id = ? and sealed = ? and deleted_at is null
  returning id`

class SkinProfileModuleService extends MedusaService({ SkinProfile }) {
  // Read once when the module loads: production without a key refuses to start.
  private readonly keyring: PiiKeyring = piiKeyring()

  /** The sealed columns of a profile (what is stored). */
  async seal(customerId: string, data: SkinProfileData) {
    const { keyId, value } = sealPii(JSON.stringify(data), customerId, this.keyring)
    return { customer_id: customerId, key_id: keyId, sealed: value }
  }

  /** The clear profile of a stored row. */
  async open(row: SealedRow): Promise<SkinProfileData> {
    const data = JSON.parse(openPii({ keyId: row.key_id, value: row.sealed }, row.customer_id, this.keyring))
    return { ...EMPTY_SKIN_PROFILE, ...data }
  }

  /**
   * Re-seals, under the keyring's first key, the next `limit` rows after
   * `afterId` (by id) still sealed under another key. Each write is
   * conditional on the row being unchanged, so servers that keep editing
   * profiles during a rotation lose nothing.
   */
  @InjectManager()
  async resealPage(
    afterId: string,
    limit: number,
    keyring: PiiKeyring = this.keyring,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ResealPage> {
    return this.resealPage_(afterId, limit, keyring, sharedContext)
  }

  // One transaction per page: a long rotation holds no lock for long.
  @InjectTransactionManager()
  protected async resealPage_(
    afterId: string,
    limit: number,
    keyring: PiiKeyring,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ResealPage> {
    const sql = sharedContext.transactionManager as SqlManager
    const rows: (SealedRow & { id: string })[] = await sql.execute(PAGE_SQL, [afterId, keyring.current.id, limit])
    const page: ResealPage = { scanned: rows.length, resealed: 0, skipped: 0, unknownKey: [], lastId: rows.at(-1)?.id ?? null }
    for (const row of rows) {
      if (!keyring.byId.has(row.key_id)) {
        page.unknownKey.push(row.id)
        continue
      }
      const clear = openPii({ keyId: row.key_id, value: row.sealed }, row.customer_id, keyring)
      const { keyId, value } = sealPii(clear, row.customer_id, keyring)
      const done = await sql.execute(RESEAL_SQL, [keyId, value, row.id, row.key_id, row.sealed])
      if (done.length) page.resealed++
      else page.skipped++
    }
    return page
  }

  /** How many rows are sealed under each key id. */
  async countByKey(): Promise<Map<string, number>> {
    const rows = await this.listSkinProfiles({}, { select: ["key_id"], take: null })
    const counts = new Map<string, number>()
    for (const { key_id } of rows) counts.set(key_id, (counts.get(key_id) ?? 0) + 1)
    return counts
  }

  /** Clear profiles of these customers, by customer id (absent when they have none). */
  async readProfiles(customerIds: string[]): Promise<Map<string, SkinProfileData>> {
    const rows = customerIds.length ? await this.listSkinProfiles({ customer_id: customerIds }, { take: null }) : []
    return new Map(await Promise.all(rows.map(async (row) => [row.customer_id, await this.open(row)] as const)))
  }
}

export default SkinProfileModuleService

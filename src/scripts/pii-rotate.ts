import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { piiKeyring, PiiKeyring } from "../lib/pii"
import { IDEMPOTENCY_MODULE } from "../modules/idempotency"
import { SKIN_PROFILE_MODULE } from "../modules/skin-profile"
import type { ResealPage } from "../modules/skin-profile/service"

/** What a store of sealed values offers the rotation (both services implement it). */
type SealedStore = {
  countByKey(): Promise<Map<string, number>>
  resealPage(afterId: string, limit: number, keyring: PiiKeyring): Promise<ResealPage>
}

/**
 * Every store of sealed values (DESIGN.md "Privacy": skin profile, date of
 * birth, phone in our modules): the skin profile (the date of birth lives
 * inside it) and the kept Idempotency-Key answers (an order answer carries
 * email, phone and addresses). No other module of ours holds a phone;
 * Medusa's customer and address tables do, on the managed database's disk
 * encryption. A new sealed store joins this list.
 */
const SEALED_STORES = [
  { name: "skin_profile", module: SKIN_PROFILE_MODULE },
  { name: "idempotency_record", module: IDEMPOTENCY_MODULE },
] as const

export const DEFAULT_BATCH = 200

export type RotationReport = { store: string; resealed: number; skipped: number; unknownKey: number; remaining: Record<string, number> }

/**
 * Re-seals every value under the first key of `keyring`, page by page (by
 * id, `batch` rows a transaction), printing a line per page. Servers keep
 * running meanwhile: configured "new,old" they read both keys and write the
 * new one. Run again at any time: rows already under the new key are not
 * touched. Afterwards `remaining` must be only the new key, then the old key
 * can leave PII_ENCRYPTION_KEY.
 */
export async function rotatePii(
  container: MedusaContainer,
  { keyring = piiKeyring(), batch = DEFAULT_BATCH, log = (_line: string) => {} } = {}
): Promise<RotationReport[]> {
  const reports: RotationReport[] = []
  for (const store of SEALED_STORES) {
    const service: SealedStore = container.resolve(store.module)
    const before = await service.countByKey()
    const todo = [...before].filter(([id]) => id !== keyring.current.id).reduce((n, [, c]) => n + c, 0)
    log(`${store.name}: ${todo} value(s) to re-seal under key ${keyring.current.id}, ${batch} per batch`)
    const report: RotationReport = { store: store.name, resealed: 0, skipped: 0, unknownKey: 0, remaining: {} }
    let after = ""
    for (;;) {
      const page = await service.resealPage(after, batch, keyring)
      if (!page.lastId) break
      after = page.lastId
      report.resealed += page.resealed
      report.skipped += page.skipped
      report.unknownKey += page.unknownKey.length
      log(`${store.name}: ${report.resealed}/${todo} re-sealed` + (page.skipped ? `, ${report.skipped} changed meanwhile` : ""))
      if (page.unknownKey.length) log(`${store.name}: ${page.unknownKey.length} row(s) under a key not in ${"PII_ENCRYPTION_KEY"}: ${page.unknownKey.join(", ")}`)
    }
    report.remaining = Object.fromEntries(await service.countByKey())
    log(`${store.name}: done; values per key id now ${JSON.stringify(report.remaining)}`)
    reports.push(report)
  }
  return reports
}

/**
 * `npm run pii:rotate`: put the new key first in PII_ENCRYPTION_KEY
 * ("new,old") on every server, then run this once; when it reports every
 * value under the new key, drop the old key. PII_ROTATE_BATCH sets the page
 * size. Exits non-zero when values remain under other keys.
 */
export default async function piiRotate({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const batch = Number(process.env.PII_ROTATE_BATCH || DEFAULT_BATCH)
  if (!Number.isInteger(batch) || batch < 1) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "PII_ROTATE_BATCH must be a whole number of at least 1")
  }
  const keyring = piiKeyring()
  const reports = await rotatePii(container, { keyring, batch, log: (line) => logger.info(`pii:rotate ${line}`) })
  const left = reports.flatMap((r) => Object.entries(r.remaining).filter(([id]) => id !== keyring.current.id))
  if (left.length) {
    logger.error(`pii:rotate: values remain under other keys (${JSON.stringify(Object.fromEntries(left))}): run it again; keep the old key until none remain`)
    process.exitCode = 1
    return
  }
  logger.info(`pii:rotate: every value is sealed under key ${keyring.current.id}; the other keys can leave PII_ENCRYPTION_KEY`)
}

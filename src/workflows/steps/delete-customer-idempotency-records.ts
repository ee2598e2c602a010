import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { IDEMPOTENCY_MODULE } from "../../modules/idempotency"
import type IdempotencyModuleService from "../../modules/idempotency/service"
import type { ErasureTargets } from "./find-erasure-targets"

// LIKE patterns take the ids literally (Medusa ids contain "_", a LIKE wildcard).
const literal = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

export const deleteCustomerIdempotencyRecordsStepId = "delete-customer-idempotency-records"

/**
 * Kept answers of Idempotency-Key requests (24 h) carry the order as answered,
 * with its addresses and email. Those the customer made (scope ends with
 * their id, src/api/http/idempotency.ts) or made about their orders (the
 * order id in the path) are deleted; a retry then simply runs again.
 * Compensation re-creates them.
 */
export const deleteCustomerIdempotencyRecordsStep = createStep(
  deleteCustomerIdempotencyRecordsStepId,
  async (targets: ErasureTargets, { container }) => {
    const records: IdempotencyModuleService = container.resolve(IDEMPOTENCY_MODULE)
    const rows = await records.listIdempotencyRecords(
      {
        $or: [
          { scope: { $like: `% ${literal(targets.customer_id)}` } },
          ...targets.order_ids.map((id) => ({ scope: { $like: `%/${literal(id)}/%` } })),
        ],
      } as never,
      { take: null }
    )
    if (rows.length) await records.deleteIdempotencyRecords(rows.map((r) => r.id))
    return new StepResponse(rows.length, rows)
  },
  async (rows, { container }) => {
    if (!rows?.length) return
    const records: IdempotencyModuleService = container.resolve(IDEMPOTENCY_MODULE)
    await records.createIdempotencyRecords(
      rows.map(({ id, key, scope, request_hash, response_status, response_body, expires_at }) => ({
        id,
        key,
        scope,
        request_hash,
        response_status,
        response_body,
        expires_at,
      }))
    )
  }
)

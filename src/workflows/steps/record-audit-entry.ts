import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AUDIT_MODULE } from "../../modules/audit"
import type AuditModuleService from "../../modules/audit/service"
import type { AuditRecordInput } from "../../modules/audit/service"

export type RecordAuditEntryInput = AuditRecordInput

export const recordAuditEntryStepId = "record-audit-entry"

/** Appends an audit entry; compensation appends a "<route>.rolled_back" entry (the log is append-only). */
export const recordAuditEntryStep = createStep(
  recordAuditEntryStepId,
  async (input: RecordAuditEntryInput, { container }) => {
    const audit: AuditModuleService = container.resolve(AUDIT_MODULE)
    const { id } = await audit.record(input)
    return new StepResponse({ id }, { id, input })
  },
  async (recorded, { container }) => {
    if (!recorded) return
    // The entry cannot be deleted: a second one says the act did not stand.
    const audit: AuditModuleService = container.resolve(AUDIT_MODULE)
    await audit.record({
      ...recorded.input,
      route: `${recorded.input.route}.rolled_back`,
      occurred_at: new Date(),
      details: { rolled_back_entry_id: recorded.id },
    })
  }
)

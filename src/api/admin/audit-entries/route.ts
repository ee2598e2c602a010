import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AUDIT_MODULE } from "../../../modules/audit"
import type AuditModuleService from "../../../modules/audit/service"
import type { AdminListAuditEntriesQuery } from "./validators"

/** The audit log, newest first, filtered by actor, entity id, method and time. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.validatedQuery as AdminListAuditEntriesQuery
  const audit: AuditModuleService = req.scope.resolve(AUDIT_MODULE)
  const { entries, count } = await audit.search(query)
  res.json({ audit_entries: entries, count, limit: query.limit, offset: query.offset })
}

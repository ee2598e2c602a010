import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf } from "../../lib/audit"
import { AUDIT_MODULE } from "../../modules/audit"
import type AuditModuleService from "../../modules/audit/service"
import type { ErasureRequest } from "../../workflows/erase-customer"

/** The action name exports are audited under. */
export const EXPORT_AUDIT_ROUTE = "customer.export"

/** Who is asking and from where, as the audit log records it (customer, user or secret key). */
export function privacyRequestOf(req: AuthenticatedMedusaRequest, res: MedusaResponse): ErasureRequest {
  return {
    ...auditActorOf(req.auth_context),
    method: req.method,
    path: `${req.baseUrl ?? ""}${req.path}`,
    request_id: (res.locals.requestId as string | undefined) ?? null,
    ip: req.ip ?? null,
  }
}

/**
 * An export is a read, which the admin audit middleware does not record; a
 * copy of someone's personal data leaving the shop is recorded explicitly.
 */
export async function recordExport(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse,
  customerId: string,
  counts: Record<string, number>
) {
  const audit: AuditModuleService = req.scope.resolve(AUDIT_MODULE)
  await audit.record({
    ...privacyRequestOf(req, res),
    route: EXPORT_AUDIT_ROUTE,
    entity_ids: [customerId],
    status: 200,
    details: counts,
  })
}

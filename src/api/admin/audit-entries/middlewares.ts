import type { MiddlewareRoute } from "@medusajs/framework/http"
import { auditAdmin } from "../../http/audit"
import { validateQuery } from "../../http/validate"
import { AdminListAuditEntriesQuery } from "./validators"

export const adminAuditMiddlewares: MiddlewareRoute[] = [
  // Every /admin route, Medusa's and ours: runs after Medusa's auth, so the actor is known.
  { matcher: "/admin*", middlewares: [auditAdmin] },
  { matcher: "/admin/audit-entries", methods: ["GET"], middlewares: [validateQuery(AdminListAuditEntriesQuery)] },
]

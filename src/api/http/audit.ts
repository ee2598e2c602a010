import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { auditActorOf, auditDetailsOf, entityIdsOf, isAudited, noteKeyUse, routeOf } from "../../lib/audit"
import { clientIp, compileTrust } from "../../lib/rate-limit/client-ip"
import { AUDIT_MODULE } from "../../modules/audit"
import type AuditModuleService from "../../modules/audit/service"

/**
 * Every /admin change (Medusa's routes and ours) and every request made with
 * a secret API key, recorded once the answer is sent: who, route, entity ids,
 * status, request id, IP. Recording happens after the response, so neither
 * its time nor its failure (a logged warning) reaches the caller.
 */
export function auditAdmin(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  let answered: unknown
  const json = res.json.bind(res)
  res.json = (body: unknown) => {
    answered = body
    return json(body)
  }
  res.once("finish", () => {
    const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
    // A throw in a "finish" listener would be an uncaught exception: nothing escapes.
    try {
      const auth = (req as any).auth_context
      if (!isAudited(req.method, auth)) return
      const { pattern, params } = routeOf(req as any)
      const actor = auditActorOf(auth)
      const audit: AuditModuleService = req.scope.resolve(AUDIT_MODULE)
      audit
        .record({
          ...actor,
          method: req.method,
          route: pattern,
          path: `${req.baseUrl ?? ""}${req.path}`,
          entity_ids: entityIdsOf(params, answered),
          status: res.statusCode,
          request_id: (res.locals.requestId as string | undefined) ?? null,
          // As the rate limiter reads it: X-Forwarded-For only as far as TRUST_PROXY trusts it.
          ip: clientIp(req, compileTrust(process.env.TRUST_PROXY)),
          details: auditDetailsOf(req.body, res.statusCode, answered),
        })
        .catch((e: Error) => logger.warn(`audit: could not record ${req.method} ${pattern}: ${e.message}`))
      if (actor.actor_type === "api_key" && actor.actor_id) {
        noteKeyUse(req.scope, actor.actor_id).catch((e: Error) =>
          logger.warn(`audit: could not set last_used_at of ${actor.actor_id}: ${e.message}`)
        )
      }
    } catch (e) {
      logger.warn(`audit: could not record ${req.method} ${req.path}: ${(e as Error).message}`)
    }
  })
  next()
}

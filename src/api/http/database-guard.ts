import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { databaseBreaker } from "../../lib/database-breaker"

// The health route reports the outage itself, with details.
const UNGUARDED = new Set(["/api/v1/health"])

/** While PostgreSQL is known to be down, answer 503 at once rather than after the pool's timeout. */
export function databaseGuard(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if (UNGUARDED.has(req.originalUrl.split("?")[0])) return next()
  const knex = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  databaseBreaker.watch(knex)
  if (!databaseBreaker.open) return next()
  databaseBreaker.admit(knex).then(() => next(), next)
}

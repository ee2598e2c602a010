import cors from "cors"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { parseCorsOrigins, ContainerRegistrationKeys } from "@medusajs/framework/utils"

let storeCors: ReturnType<typeof cors> | undefined

/** CORS for /api/v1 from the same STORE_CORS origins as Medusa's /store. */
export function apiCors(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (!storeCors) {
    const configModule = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
    storeCors = cors({
      origin: parseCorsOrigins(configModule.projectConfig.http.storeCors),
      credentials: true,
      exposedHeaders: ["X-Request-Id", "Retry-After", "ETag", "Idempotent-Replayed", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"],
    })
  }
  storeCors(req, res, next)
}

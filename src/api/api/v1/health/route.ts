import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { pingRedis } from "../../../../lib/redis-probe"
import { sendContractError } from "../../../http/error-handler"

type Knex = { raw: (sql: string) => Promise<unknown> }

// A health check answers within seconds even while PostgreSQL is restarting.
const DATABASE_TIMEOUT_MS = 2000

async function databaseUp(req: MedusaRequest): Promise<boolean> {
  const pg = req.scope.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      pg.raw("select 1"),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), DATABASE_TIMEOUT_MS)
      }),
    ])
    return true
  } catch {
    return false
  } finally {
    clearTimeout(timer)
  }
}

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const redisUrl = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.redisUrl
  const [database, redis] = await Promise.all([
    databaseUp(req),
    redisUrl ? pingRedis(redisUrl) : Promise.resolve(undefined),
  ])
  const data = {
    status: database && redis !== false ? "ok" : "degraded",
    database: database ? "up" : "down",
    redis: redis === undefined ? "not configured" : redis ? "up" : "down",
  }
  if (data.status !== "ok") {
    return sendContractError(req, res, {
      status: 503,
      code: "SERVICE_UNAVAILABLE",
      message: "A dependency is down",
      details: [
        { field: "database", message: data.database },
        { field: "redis", message: data.redis },
      ],
    })
  }
  res.json({ data })
}

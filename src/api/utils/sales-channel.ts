import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { validationError } from "../../lib/errors"

// Every catalogue read needs its channel; asking the database each time would
// cost more than a cached answer. Kept briefly, so a revoked key or a new
// default channel takes effect within half a minute.
const TTL_MS = 30_000
const memo = new Map<string, { channelId: string; until: number }>()

async function remembered(key: string, resolve: () => Promise<string>) {
  const hit = memo.get(key)
  if (hit && hit.until > Date.now()) return hit.channelId
  const channelId = await resolve()
  memo.set(key, { channelId, until: Date.now() + TTL_MS })
  return channelId
}

const memoKey = (token: string | undefined) => (token ? `key:${token}` : "default")

/**
 * The channel of the request's publishable key while it is remembered (at
 * most 30 s old), else undefined: no lookup, for the cached-answer fast path.
 */
export function rememberedChannelOf(req: MedusaRequest): string | undefined {
  const hit = memo.get(memoKey(req.get("x-publishable-api-key")))
  return hit && hit.until > Date.now() ? hit.channelId : undefined
}

/**
 * The sales channel a storefront reads: the one of its publishable key
 * (Medusa's x-publishable-api-key header), else the store's default.
 */
export async function salesChannelOf(req: MedusaRequest): Promise<string> {
  const token = req.get("x-publishable-api-key")
  return remembered(memoKey(token), () => lookUp(req, token))
}

async function lookUp(req: MedusaRequest, token: string | undefined): Promise<string> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  if (token) {
    const {
      data: [key],
    } = await query.graph({
      entity: "api_key",
      fields: ["id", "revoked_at", "sales_channels.id"],
      filters: { token, type: "publishable" },
    })
    const channelId = key && !key.revoked_at ? key.sales_channels?.[0]?.id : undefined
    if (!channelId) {
      throw validationError("Invalid publishable API key", [
        { field: "x-publishable-api-key", message: "Unknown or revoked key, or it has no sales channel" },
      ])
    }
    return channelId
  }
  const [store] = await req.scope.resolve(Modules.STORE).listStores({}, { select: ["default_sales_channel_id"] })
  return store.default_sales_channel_id!
}

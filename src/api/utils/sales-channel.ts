import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { validationError } from "../http/errors"

/**
 * The sales channel a storefront reads: the one of its publishable key
 * (Medusa's x-publishable-api-key header), else the store's default.
 */
export async function salesChannelOf(req: MedusaRequest): Promise<string> {
  const token = req.get("x-publishable-api-key")
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

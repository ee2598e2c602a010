import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadSkinProfile, ownCustomerId } from "../../../../../utils/customer"
import { rankProducts } from "../../../../../utils/recommendations"
import { salesChannelOf } from "../../../../../utils/sales-channel"
import type { RecommendationsQuery } from "../../validators"

/** Products for the caller's skin (best sellers without a profile), each with a short reason. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const customerId = ownCustomerId(req)
  const { limit, currency } = req.validatedQuery as RecommendationsQuery
  const [profile, channelId] = await Promise.all([loadSkinProfile(req.scope, customerId), salesChannelOf(req)])
  const ranked = await rankProducts(req.scope, {
    customerId,
    profile,
    channelId,
    currency: currency.toLowerCase() as "usd" | "jod",
    limit,
  })
  res.json({ data: ranked.map(({ product, reason }) => ({ ...product, reason })) })
}

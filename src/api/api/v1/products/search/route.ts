import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cachedJson, listCatalogue } from "../../../../utils/catalogue"
import { sendJsonAnswer } from "../../../../http/http-cache"
import { salesChannelOf } from "../../../../utils/sales-channel"
import type { SearchProductsQuery } from "../validators"

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { q, ...filters } = req.validatedQuery as SearchProductsQuery
  const params = { ...filters, search: q, sortBy: filters.sortBy ?? "relevance", channelId: await salesChannelOf(req) }
  sendJsonAnswer(res, await cachedJson(req.scope, ["search", params], () => listCatalogue(req.scope, params)))
}

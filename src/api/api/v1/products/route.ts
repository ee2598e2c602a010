import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cachedJson, listCatalogue } from "../../../utils/catalogue"
import { sendJsonAnswer } from "../../../http/http-cache"
import { salesChannelOf } from "../../../utils/sales-channel"
import type { ListProductsQuery } from "./validators"

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const params = { ...(req.validatedQuery as ListProductsQuery), channelId: await salesChannelOf(req) }
  sendJsonAnswer(res, await cachedJson(req.scope, ["products", params], () => listCatalogue(req.scope, params)))
}

import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cachedJson, productDetail } from "../../../../utils/catalogue"
import { salesChannelOf } from "../../../../utils/sales-channel"
import { parseQuery } from "../../../../http/validate"
import { sendJsonAnswer } from "../../../../http/http-cache"
import { ProductDetailQuery } from "../validators"

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  // Not a middleware: "/api/v1/products/:id" would also match /products/search.
  const { currency } = parseQuery(ProductDetailQuery, req.query)
  const channelId = await salesChannelOf(req)
  const answer = await cachedJson(req.scope, ["product", req.params.id, currency, channelId], async () => ({
    data: await productDetail(req.scope, req.params.id, currency, channelId),
  }))
  sendJsonAnswer(res, answer)
}

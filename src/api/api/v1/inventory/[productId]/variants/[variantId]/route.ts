import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { validationError } from "../../../../../../../lib/errors"
import { issuesToDetails, parseQuery } from "../../../../../../http/validate"
import { salesChannelOf } from "../../../../../../utils/sales-channel"
import { variantStock } from "../../../../../../utils/inventory"
import { InventoryParams, InventoryQuery } from "../../../validators"

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const params = InventoryParams.safeParse(req.params)
  if (!params.success) {
    throw validationError("Invalid path parameters", issuesToDetails(params.error.issues, req.params))
  }
  const { cartId } = parseQuery(InventoryQuery, req.query)
  const channelId = await salesChannelOf(req)
  res.json({
    data: await variantStock(req.scope, params.data.productId, params.data.variantId, channelId, cartId),
  })
}

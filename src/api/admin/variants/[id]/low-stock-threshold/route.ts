import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { lowStockThresholds } from "../../../../../lib/stock"
import { setLowStockThresholdWorkflow } from "../../../../../workflows/set-low-stock-threshold"
import type { SetLowStockThresholdBody } from "./validators"

async function thresholdOf(req: AuthenticatedMedusaRequest, variantId: string) {
  // 404 for an unknown variant, as Medusa's own variant routes answer.
  await req.scope.resolve(Modules.PRODUCT).retrieveProductVariant(variantId)
  const thresholds = await lowStockThresholds(req.scope, [variantId])
  return { variant_id: variantId, low_stock_threshold: thresholds[variantId] }
}

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ low_stock: await thresholdOf(req, req.params.id) })
}

export async function POST(req: AuthenticatedMedusaRequest<SetLowStockThresholdBody>, res: MedusaResponse) {
  await thresholdOf(req, req.params.id)
  await setLowStockThresholdWorkflow(req.scope).run({
    input: { variant_id: req.params.id, low_stock_threshold: req.validatedBody.low_stock_threshold },
  })
  res.json({ low_stock: await thresholdOf(req, req.params.id) })
}

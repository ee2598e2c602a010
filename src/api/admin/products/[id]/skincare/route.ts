import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { SKINCARE_MODULE } from "../../../../../modules/skincare"
import type SkincareModuleService from "../../../../../modules/skincare/service"
import { upsertProductSkincareWorkflow } from "../../../../../workflows/upsert-product-skincare"
import type { UpdateProductSkincareBody } from "./validators"

const EMPTY = {
  ingredients: [],
  skin_types: [],
  concerns: [],
  how_to_use: null,
  seo_title: null,
  seo_description: null,
  low_stock_threshold: 10,
}

async function skincareOf(req: AuthenticatedMedusaRequest, productId: string) {
  // 404 for an unknown product, as Medusa's product routes answer.
  await req.scope.resolve(Modules.PRODUCT).retrieveProduct(productId)
  const service: SkincareModuleService = req.scope.resolve(SKINCARE_MODULE)
  const [row] = await service.listProductSkincares({ product_id: productId })
  if (!row) {
    return { product_id: productId, ...EMPTY }
  }
  const { id: _id, created_at: _c, updated_at: _u, deleted_at: _d, ...facts } = row as typeof row & {
    created_at?: unknown
    updated_at?: unknown
    deleted_at?: unknown
  }
  return facts
}

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ skincare: await skincareOf(req, req.params.id) })
}

export async function POST(req: AuthenticatedMedusaRequest<UpdateProductSkincareBody>, res: MedusaResponse) {
  await skincareOf(req, req.params.id)
  await upsertProductSkincareWorkflow(req.scope).run({
    input: { items: [{ product_id: req.params.id, ...req.validatedBody }] },
  })
  res.json({ skincare: await skincareOf(req, req.params.id) })
}

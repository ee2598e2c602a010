import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SKINCARE_MODULE } from "../../modules/skincare"
import type SkincareModuleService from "../../modules/skincare/service"

export type ProductSkincareInput = {
  product_id: string
  ingredients?: string[]
  skin_types?: string[]
  concerns?: string[]
  how_to_use?: string | null
  seo_title?: string | null
  seo_description?: string | null
  low_stock_threshold?: number
}

export const upsertProductSkincareStepId = "upsert-product-skincare"

/** Creates or updates products' skincare facts; the compensation restores what was there. */
export const upsertProductSkincareStep = createStep(
  upsertProductSkincareStepId,
  async (inputs: ProductSkincareInput[], { container }) => {
    const service: SkincareModuleService = container.resolve(SKINCARE_MODULE)
    const existing = await service.listProductSkincares(
      { product_id: inputs.map((i) => i.product_id) },
      { take: null }
    )
    const byProduct = new Map(existing.map((e) => [e.product_id, e]))
    const toCreate = inputs.filter((i) => !byProduct.has(i.product_id))
    const toUpdate = inputs
      .filter((i) => byProduct.has(i.product_id))
      .map((i) => ({ ...i, id: byProduct.get(i.product_id)!.id }))
    const created = toCreate.length ? await service.createProductSkincares(toCreate) : []
    const updated = toUpdate.length ? await service.updateProductSkincares(toUpdate) : []
    return new StepResponse([...created, ...updated], {
      created: created.map((c) => c.id),
      previous: existing
        .filter((e) => toUpdate.some((u) => u.id === e.id))
        .map(({ id, ingredients, skin_types, concerns, how_to_use, seo_title, seo_description, low_stock_threshold }) => ({
          id,
          ingredients,
          skin_types,
          concerns,
          how_to_use,
          seo_title,
          seo_description,
          low_stock_threshold,
        })),
    })
  },
  async (undo, { container }) => {
    if (!undo) return
    const service: SkincareModuleService = container.resolve(SKINCARE_MODULE)
    if (undo.created.length) await service.deleteProductSkincares(undo.created)
    if (undo.previous.length) await service.updateProductSkincares(undo.previous)
  }
)

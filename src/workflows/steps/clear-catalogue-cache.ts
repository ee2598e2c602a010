import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import { CATALOGUE_CACHE_TAG } from "../../modules/catalogue"

export const clearCatalogueCacheStepId = "clear-catalogue-cache"

/** Drops every cached catalogue answer (list, detail, search); nothing to undo. */
export const clearCatalogueCacheStep = createStep(clearCatalogueCacheStepId, async (_: void, { container }) => {
  await container.resolve(Modules.CACHING).clear({ tags: [CATALOGUE_CACHE_TAG] })
  return new StepResponse(true)
})

import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { clearCatalogueCacheStep } from "./steps/clear-catalogue-cache"
import { refreshCatalogueEntriesStep } from "./steps/refresh-catalogue-entries"

export const refreshCatalogueWorkflowId = "refresh-catalogue"

/** Brings the catalogue read model of some products (or all) up to date and drops cached answers. */
export const refreshCatalogueWorkflow = createWorkflow(
  refreshCatalogueWorkflowId,
  (input: { product_ids?: string[] }) => {
    // Events arrive in bursts (a product save touches its variants, prices
    // and stock): one refresh at a time keeps entries from racing.
    acquireLockStep({ key: "catalogue-refresh", timeout: 120, ttl: 300 })
    const refreshed = refreshCatalogueEntriesStep(input)
    clearCatalogueCacheStep()
    releaseLockStep({ key: "catalogue-refresh" })
    return new WorkflowResponse({ refreshed })
  }
)

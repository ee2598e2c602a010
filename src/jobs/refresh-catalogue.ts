import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { runAsJob } from "../lib/observability/log-context"
import { refreshCatalogueWorkflow } from "../workflows/refresh-catalogue"

/** Hourly safety net: rebuilds the whole catalogue read model (sale price lists start and end on their own). */
export default async function refreshCatalogue(container: MedusaContainer) {
  await runAsJob(
    config.name,
    async () => {
      await refreshCatalogueWorkflow(container).run({ input: {} })
    },
    container.resolve(ContainerRegistrationKeys.LOGGER)
  )
}

export const config = {
  name: "refresh-catalogue",
  schedule: "30 * * * *",
}

import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { CATALOGUE_CACHE_TAG } from "../modules/catalogue"
import { refreshCatalogueWorkflow } from "./refresh-catalogue"

/**
 * Coalesces catalogue refreshes in this process: one product save fires a
 * burst of events (product, variants, prices, stock), and importing many
 * products fires thousands. Events only mark products dirty; one drain loop
 * refreshes everything dirty so far in a single workflow run, then repeats
 * while more arrives.
 */
const dirty = new Set<string>()
let everything = false
let draining: Promise<void> | undefined

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function drain(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  let failures = 0
  // Let the rest of the burst arrive first.
  await sleep(25)
  while (everything || dirty.size) {
    const productIds = everything ? undefined : [...dirty]
    everything = false
    dirty.clear()
    try {
      await refreshCatalogueWorkflow(container).run({ input: { product_ids: productIds } })
      // One line per refresh: with several instances it shows the worker alone refreshes.
      logger.info(`Catalogue refreshed: ${productIds ? `${productIds.length} product(s)` : "all products"}`)
      failures = 0
    } catch (e) {
      failures++
      if (productIds) productIds.forEach((id) => dirty.add(id))
      else everything = true
      if (failures >= 5) {
        logger.error(`Catalogue refresh keeps failing; the hourly job will catch up: ${(e as Error).message}`)
        dirty.clear()
        everything = false
        return
      }
      await sleep(500 * failures)
    }
  }
}

/** Marks products (all of them when `productIds` is undefined) for a refresh soon. */
export async function scheduleCatalogueRefresh(container: MedusaContainer, productIds: string[] | undefined) {
  if (productIds && !productIds.length) {
    // Nothing listed changed (e.g. a review): only cached answers are stale.
    await container.resolve(Modules.CACHING).clear({ tags: [CATALOGUE_CACHE_TAG] })
    return
  }
  if (productIds) productIds.forEach((id) => dirty.add(id))
  else everything = true
  if (!draining) {
    draining = drain(container).finally(() => {
      draining = undefined
    })
  }
}

/** Resolves once nothing is waiting to be refreshed (scripts and tests). */
export async function catalogueSettled() {
  while (draining) await draining
}

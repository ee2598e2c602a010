import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { runAsJob } from "../lib/observability/log-context"
import { removeExpiredCartsWorkflow } from "../workflows/remove-expired-carts"

/** Hourly: drops carts older than their 30-day expiry that never became orders. */
export default async function removeExpiredCarts(container: MedusaContainer) {
  // Its lines, and its workflow's, carry job and job_run_id.
  await runAsJob(config.name, () => run(container), container.resolve(ContainerRegistrationKeys.LOGGER))
}

async function run(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await removeExpiredCartsWorkflow(container).run({
    input: { now: new Date() },
  })
  if (result.removed_cart_ids.length) {
    logger.info(`Removed ${result.removed_cart_ids.length} expired cart(s)`)
  }
}

export const config = {
  name: "remove-expired-carts",
  schedule: "0 * * * *",
}

import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { runAsJob } from "../lib/observability/log-context"
import { releaseCartHoldsWorkflow } from "../workflows/release-cart-holds"

/** Every minute: expired inventory holds give their reservations back (reads already count them free). */
export default async function releaseExpiredHolds(container: MedusaContainer) {
  await runAsJob(config.name, () => release(container), container.resolve(ContainerRegistrationKeys.LOGGER))
}

async function release(container: MedusaContainer) {
  const { result } = await releaseCartHoldsWorkflow(container).run({ input: { expired_at: new Date() } })
  if (result.length) {
    container.resolve(ContainerRegistrationKeys.LOGGER).info(`Released ${result.length} expired inventory hold(s)`)
  }
}

export const config = {
  name: "release-expired-holds",
  schedule: "* * * * *",
}

import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { runAsJob } from "../lib/observability/log-context"
import { isStripeConfigured } from "../lib/stripe"
import { unpaidCardOrderCutoff } from "../lib/order-payment-timeout"
import { timeOutUnpaidCardOrders } from "../workflows/time-out-unpaid-card-orders"

/**
 * Every minute: card orders unpaid for ORDER_PAYMENT_TIMEOUT_MINUTES (default
 * 60) are cancelled, their stock released and their PaymentIntent cancelled;
 * one whose card Stripe accepted meanwhile is settled instead.
 */
export default async function timeOutUnpaidCardOrdersJob(container: MedusaContainer) {
  // Without Stripe no card order can be paid or cancelled through it.
  if (!isStripeConfigured()) return
  await runAsJob(config.name, () => timeOut(container), container.resolve(ContainerRegistrationKeys.LOGGER))
}

async function timeOut(container: MedusaContainer) {
  const now = new Date()
  const { results, failed } = await timeOutUnpaidCardOrders(container, { cutoff: unpaidCardOrderCutoff(now), now })
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  for (const outcome of ["cancelled", "settled"] as const) {
    const ids = results.filter((r) => r.outcome === outcome).map((r) => r.order_id)
    if (ids.length) logger.info(`Unpaid card orders ${outcome}: ${ids.join(", ")}`)
  }
  for (const f of failed) {
    logger.warn(`Could not time out unpaid card order ${f.order_id}: ${f.error}`)
  }
}

export const config = {
  name: "time-out-unpaid-card-orders",
  schedule: "* * * * *",
}

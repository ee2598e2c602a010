import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, PaymentCollectionStatus, PaymentSessionStatus } from "@medusajs/framework/utils"
import { timeOutCardOrderWorkflow, TimeOutCardOrderResult } from "./time-out-card-order"

// One run's share; the job runs every minute, so a backlog drains in a few runs.
const BATCH = 50

/**
 * Orders whose card session still waits for its card and began before the
 * cutoff. The session starts before its order, so this only narrows the
 * search: the workflow checks the order's own age under the lock. Cancelled
 * collections are left out, so a timed-out order is not picked up again.
 */
async function candidateOrderIds(container: MedusaContainer, cutoff: Date): Promise<string[]> {
  const payments = container.resolve(Modules.PAYMENT)
  // The module's list takes a filter on the collection relation, which its filter type does not declare.
  const sessions = await payments.listPaymentSessions(
    {
      provider_id: { $like: "pp_stripe%" },
      status: PaymentSessionStatus.PENDING_AUTHORIZATION,
      created_at: { $lt: cutoff },
      payment_collection: { status: { $ne: PaymentCollectionStatus.CANCELED } },
    } as unknown as Parameters<typeof payments.listPaymentSessions>[0],
    { select: ["id", "payment_collection_id"], take: BATCH, order: { created_at: "ASC" } }
  )
  if (!sessions.length) return []
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: links } = await query.graph({
    entity: "order_payment_collection",
    fields: ["order_id"],
    filters: { payment_collection_id: [...new Set(sessions.map((s) => s.payment_collection_id))] },
  })
  return [...new Set((links as { order_id: string }[]).map((link) => link.order_id))]
}

/**
 * Cancels the card orders still unpaid at `cutoff` (the job passes now minus
 * ORDER_PAYMENT_TIMEOUT_MINUTES), one workflow run per order, so one order
 * that fails (Stripe unreachable) does not hold back the others; it is tried
 * again next run.
 */
export async function timeOutUnpaidCardOrders(
  container: MedusaContainer,
  { cutoff, now = new Date() }: { cutoff: Date; now?: Date }
): Promise<{ results: TimeOutCardOrderResult[]; failed: { order_id: string; error: string }[] }> {
  const results: TimeOutCardOrderResult[] = []
  const failed: { order_id: string; error: string }[] = []
  for (const orderId of await candidateOrderIds(container, cutoff)) {
    try {
      const { result } = await timeOutCardOrderWorkflow(container).run({
        input: { order_id: orderId, cutoff: cutoff.toISOString(), timed_out_at: now.toISOString() },
      })
      results.push(result)
    } catch (e) {
      failed.push({ order_id: orderId, error: String((e as Error)?.message ?? e).slice(0, 300) })
    }
  }
  return { results, failed }
}

import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ErasureTargets } from "./find-erasure-targets"

/** What an erased notification's recipient reads. */
export const ERASED_RECIPIENT = "erased"

type NotificationRow = { id: string; to: string; data: unknown; provider_data: unknown }

/** The generated methods of Medusa's notification module that its interface leaves out. */
type NotificationRows = {
  listNotifications(filters: unknown, config: unknown): Promise<NotificationRow[]>
  updateNotifications(data: Partial<NotificationRow>[]): Promise<unknown>
}

export const scrubCustomerNotificationsStepId = "scrub-customer-notifications"

/**
 * Medusa's notification rows of the customer (sent to their email, to them
 * as receiver, or about their orders) keep that an email was sent, of which
 * template and when, but lose the address (`to`) and the template data.
 * Compensation restores them.
 */
export const scrubCustomerNotificationsStep = createStep(
  scrubCustomerNotificationsStepId,
  async (targets: ErasureTargets, { container }) => {
    const notifications = container.resolve(Modules.NOTIFICATION) as unknown as NotificationRows
    const who = [
      { receiver_id: targets.customer_id },
      ...(targets.email ? [{ to: targets.email }] : []),
      ...(targets.order_ids.length ? [{ resource_id: targets.order_ids }] : []),
    ]
    const rows = await notifications.listNotifications(
      { $or: who },
      { select: ["id", "to", "data", "provider_data"], take: null }
    )
    if (rows.length) {
      await notifications.updateNotifications(
        rows.map((n) => ({ id: n.id, to: ERASED_RECIPIENT, data: null, provider_data: null }))
      )
    }
    return new StepResponse(rows.length, rows)
  },
  async (rows, { container }) => {
    if (!rows?.length) return
    const notifications = container.resolve(Modules.NOTIFICATION) as unknown as NotificationRows
    await notifications.updateNotifications(rows)
  }
)

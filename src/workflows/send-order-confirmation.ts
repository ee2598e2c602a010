import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { ORDER_EMAIL_FIELDS, OrderEmailRecord, orderConfirmationNotification } from "../lib/email-order"

export type SendOrderConfirmationInput = { order_id: string }

export const sendOrderConfirmationWorkflowId = "send-order-confirmation"

/**
 * Emails the order's confirmation through Medusa's notification module. The
 * notification's idempotency key (order-confirmation:<order id>) makes a second
 * run, a re-emitted `order.placed` or a retry, send nothing: the module skips a
 * key it already sent (and retries one that failed). `sent` counts the emails
 * this run created.
 */
export const sendOrderConfirmationWorkflow = createWorkflow(
  sendOrderConfirmationWorkflowId,
  (input: SendOrderConfirmationInput) => {
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: ORDER_EMAIL_FIELDS,
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    })
    // The merchant's public holidays, which the estimated delivery skips.
    const { data: holidays } = useQueryGraphStep({
      entity: "public_holiday",
      fields: ["date"],
    }).config({ name: "public-holidays" })
    const notifications = transform({ orders, holidays }, ({ orders, holidays }) => {
      const notification = orderConfirmationNotification(
        orders[0] as unknown as OrderEmailRecord,
        holidays.map((h: { date: string }) => h.date)
      )
      return notification ? [notification] : []
    })
    const created = when({ notifications }, ({ notifications }) => notifications.length > 0).then(() =>
      sendNotificationsStep(notifications)
    )
    return new WorkflowResponse(transform({ created }, ({ created }) => ({ sent: created?.length ?? 0 })))
  }
)

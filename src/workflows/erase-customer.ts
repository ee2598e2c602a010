import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { AuditActorType } from "../modules/audit/vocabulary"
import { anonymiseCustomerCartsStep } from "./steps/anonymise-customer-carts"
import { anonymiseCustomerOrdersStep } from "./steps/anonymise-customer-orders"
import { anonymiseCustomerReviewsStep } from "./steps/anonymise-customer-reviews"
import { anonymiseFulfillmentAddressesStep } from "./steps/anonymise-fulfillment-addresses"
import { deleteCustomerAccountHoldersStep } from "./steps/delete-customer-account-holders"
import { deleteCustomerAuthIdentitiesStep } from "./steps/delete-customer-auth-identities"
import { deleteCustomerIdempotencyRecordsStep } from "./steps/delete-customer-idempotency-records"
import { deleteCustomerRecordStep } from "./steps/delete-customer-record"
import { deleteCustomerSessionsStep } from "./steps/delete-customer-sessions"
import { deleteSkinProfileStep } from "./steps/delete-skin-profile"
import { findErasureTargetsStep } from "./steps/find-erasure-targets"
import { recordAuditEntryStep } from "./steps/record-audit-entry"
import { scrubCustomerNotificationsStep } from "./steps/scrub-customer-notifications"
import { scrubCustomerStripeEventsStep } from "./steps/scrub-customer-stripe-events"

/** Who asked, for the audit entry: the customer themself, or a merchant (user or secret key). */
export type ErasureRequest = {
  actor_type: AuditActorType
  actor_id: string | null
  method: string
  path: string
  request_id?: string | null
  ip?: string | null
}

export type EraseCustomerInput = { customer_id: string; request: ErasureRequest }

/** The action name erasures are audited under. */
export const ERASE_AUDIT_ROUTE = "customer.erase"

export const eraseCustomerWorkflowId = "erase-customer"

/**
 * Erases a customer (DESIGN.md "Privacy"): personal data is deleted, orders
 * stay for accounting with names, emails, phones and address lines removed.
 * The steps that can be undone run first, each keeping what it changed; the
 * customer row, then the payment provider's customer (irreversible) go last.
 * One audit entry says who erased whom and how much was touched.
 */
export const eraseCustomerWorkflow = createWorkflow(eraseCustomerWorkflowId, (input: EraseCustomerInput) => {
  const targets = findErasureTargetsStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id })))
  const orders = anonymiseCustomerOrdersStep(targets)
  const fulfillments = anonymiseFulfillmentAddressesStep(targets)
  const stripeEvents = scrubCustomerStripeEventsStep(targets)
  const carts = anonymiseCustomerCartsStep(targets)
  const reviews = anonymiseCustomerReviewsStep(targets)
  const notifications = scrubCustomerNotificationsStep(targets)
  const idempotency = deleteCustomerIdempotencyRecordsStep(targets)
  const sessions = deleteCustomerSessionsStep(targets)
  const profiles = deleteSkinProfileStep(targets)
  const identities = deleteCustomerAuthIdentitiesStep(targets)
  deleteCustomerRecordStep(targets)
  const summary = transform(
    { targets, orders, fulfillments, stripeEvents, carts, reviews, notifications, idempotency, sessions, profiles, identities },
    (r) => ({
      customer_id: r.targets.customer_id,
      orders_anonymised: r.orders,
      fulfillment_addresses_anonymised: r.fulfillments,
      stripe_events_scrubbed: r.stripeEvents,
      carts_anonymised: r.carts,
      reviews_anonymised: r.reviews,
      notifications_scrubbed: r.notifications,
      idempotency_records_deleted: r.idempotency,
      sessions_deleted: r.sessions,
      skin_profiles_deleted: r.profiles,
      auth_identities_removed: r.identities,
      account_holders_deleted: r.targets.account_holder_ids.length,
    })
  )
  recordAuditEntryStep(
    transform({ input, targets, summary }, ({ input, targets, summary: { customer_id: _id, ...counts } }) => ({
      actor_type: input.request.actor_type,
      actor_id: input.request.actor_id,
      method: input.request.method,
      route: ERASE_AUDIT_ROUTE,
      path: input.request.path,
      entity_ids: [targets.customer_id, ...targets.order_ids],
      status: 200,
      request_id: input.request.request_id ?? null,
      ip: input.request.ip ?? null,
      // Counts only: nothing erased is repeated here.
      details: counts,
    }))
  )
  deleteCustomerAccountHoldersStep(targets)
  return new WorkflowResponse(summary)
})

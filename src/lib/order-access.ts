import { MedusaError } from "@medusajs/framework/utils"

type OrderOwnership = { customer_id?: string | null; customer?: { has_account?: boolean | null } | null }

/**
 * An order of a customer with an account answers only to that customer's
 * token (401 without one, 403 with another's); a guest order's id is the
 * guest's secret, as a guest cart's is.
 */
export function assertOrderOwner(order: OrderOwnership, actorId: string | undefined) {
  const owner = order.customer_id && order.customer?.has_account ? order.customer_id : undefined
  if (owner && owner !== actorId) {
    throw actorId
      ? new MedusaError(MedusaError.Types.FORBIDDEN, "This order belongs to another customer")
      : new MedusaError(MedusaError.Types.UNAUTHORIZED, "Sign in as the order's customer to see it")
  }
}

/** Set on an order's metadata when its customer's personal data was erased (src/workflows/erase-customer.ts). */
export const PERSONAL_DATA_ERASED_AT = "personal_data_erased_at"

/**
 * An erased customer's order answers to nobody on the customer-facing API:
 * its owner is gone, and an id alone must not open it as if it were a guest's.
 * The merchant still reads it in Admin.
 */
export const isErasedOrder = (order: { metadata?: Record<string, unknown> | null }) =>
  typeof order.metadata?.[PERSONAL_DATA_ERASED_AT] === "string"

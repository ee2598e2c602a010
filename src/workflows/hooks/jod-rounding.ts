import {
  refreshCartItemsWorkflow,
  refreshPaymentCollectionForCartWorkflow,
} from "@medusajs/medusa/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  PayableRoundingChange,
  roundCartToPayable,
  undoPayableRounding,
} from "../steps/round-payable-total"
import { trimCartHold } from "./inventory-holds"

/**
 * "JOD in 10s" (DESIGN.md "Money"): after Medusa recomputes a cart, one
 * credit line rounds its total down to a multiple of 10 fils.
 *
 * Two points cover every caller, /store and /api/v1 alike:
 * - refreshCartItemsWorkflow (line items added, changed or deleted, shipping
 *   methods, address or region changes, customer transfer) recomputes items,
 *   shipping and promotions, then refreshes the payment collection. Rounding
 *   just before that refresh makes the collection's amount the rounded total.
 * - refreshPaymentCollectionForCartWorkflow also runs on its own after the
 *   promotions workflow (/store/carts/:id/promotions, our discount route)
 *   and after createCartWorkflow. Its validate hook runs after promotions
 *   are applied; on the refresh path above it finds the cart rounded already
 *   and leaves it.
 */

const compensate = async (
  change: PayableRoundingChange | undefined,
  { container }: { container: MedusaContainer }
) => {
  if (change) {
    await undoPayableRounding(container, change)
  }
}

// Carts just rounded by the refresh, by workflow run (the event group a
// top-level run passes to the workflows it nests): the payment collection
// refresh it runs next finds them rounded, so it need not read the cart's
// totals a second time. Taken by that refresh (once), so a later refresh in
// the same run (e.g. of promotions) rounds again.
const roundedByRefresh = new Map<string, number>()
const MARK_MAX_AGE_MS = 60_000

const markOf = (eventGroupId: string | undefined, cartId: string) => (eventGroupId ? `${eventGroupId}:${cartId}` : undefined)

function markRounded(mark: string | undefined) {
  if (!mark) return
  const now = Date.now()
  // Marks of runs that failed between the two hooks are dropped after a minute.
  for (const [key, at] of roundedByRefresh) if (now - at > MARK_MAX_AGE_MS) roundedByRefresh.delete(key)
  roundedByRefresh.set(mark, now)
}

refreshCartItemsWorkflow.hooks.beforeRefreshingPaymentCollection(async ({ input }, { container, eventGroupId }) => {
  // Also the one point every line change passes: a cart's hold follows its lines (issue 9).
  await trimCartHold(container, input.cart_id)
  const change = await roundCartToPayable(container, input.cart_id)
  markRounded(markOf(eventGroupId, input.cart_id))
  return new StepResponse(change, change)
}, async (change, context) => {
  // A refresh that failed after rounding leaves no mark for a later one.
  const mark = change && markOf(context.eventGroupId, change.cart_id)
  if (mark) roundedByRefresh.delete(mark)
  await compensate(change, context)
})

refreshPaymentCollectionForCartWorkflow.hooks.validate(async ({ input, cart }, { container, eventGroupId }) => {
  const cartId = (cart as { id?: string } | undefined)?.id ?? input.cart_id ?? input.cart?.id
  const mark = cartId && markOf(eventGroupId, cartId)
  if (!cartId || (mark && roundedByRefresh.delete(mark))) {
    return new StepResponse(undefined)
  }
  const change = await roundCartToPayable(container, cartId)
  return new StepResponse(change, change)
}, compensate)

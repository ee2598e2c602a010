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
 *   are applied; on the refresh path above it finds the cart rounded already.
 */

const compensate = async (
  change: PayableRoundingChange | undefined,
  { container }: { container: MedusaContainer }
) => {
  if (change) {
    await undoPayableRounding(container, change)
  }
}

refreshCartItemsWorkflow.hooks.beforeRefreshingPaymentCollection(async ({ input }, { container }) => {
  // Also the one point every line change passes: a cart's hold follows its lines (issue 9).
  await trimCartHold(container, input.cart_id)
  const change = await roundCartToPayable(container, input.cart_id)
  return new StepResponse(change, change)
}, compensate)

refreshPaymentCollectionForCartWorkflow.hooks.validate(async ({ input, cart }, { container }) => {
  const cartId = (cart as { id?: string } | undefined)?.id ?? input.cart_id ?? input.cart?.id
  if (!cartId) {
    return new StepResponse(undefined)
  }
  const change = await roundCartToPayable(container, cartId)
  return new StepResponse(change, change)
}, compensate)

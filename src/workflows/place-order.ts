import {
  acquireLockStep,
  addShippingMethodToCartWorkflow,
  completeCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  releaseLockStep,
  updateCartWorkflow,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"

export type PlaceOrderInput = {
  cart_id: string
  email: string
  shipping_address: Record<string, unknown>
  billing_address: Record<string, unknown>
  shipping_option_id: string
  /** The Medusa payment provider of the session, e.g. pp_cod_cod. */
  provider_id: string
  /** The account's customer: card providers keep their own customer record (Stripe's) for it. */
  customer_id?: string
  metadata?: Record<string, unknown>
}

export const placeOrderWorkflowId = "place-order"

/**
 * Turns a cart into an order the way a Medusa storefront does, in one run
 * under the cart's lock: the buyer's email and addresses, the delivery
 * method, a payment collection and session with the chosen provider, then
 * completeCartWorkflow (its stock reservation, the shop's rules in its
 * validate hook, order.placed). Nested workflows skip their own lock, so this
 * one holds it (MEDUSA-NOTES: #14804).
 */
export const placeOrderWorkflow = createWorkflow(placeOrderWorkflowId, (input: PlaceOrderInput) => {
  acquireLockStep({ key: input.cart_id, timeout: 30, ttl: 120 })

  updateCartWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => ({
      id: input.cart_id,
      email: input.email,
      shipping_address: input.shipping_address,
      billing_address: input.billing_address,
      metadata: input.metadata,
    })),
  })
  addShippingMethodToCartWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => ({
      cart_id: input.cart_id,
      options: [{ id: input.shipping_option_id }],
    })),
  })

  const { data: carts } = useQueryGraphStep({
    entity: "cart",
    fields: ["id", "payment_collection.id"],
    filters: { id: input.cart_id },
  }).config({ name: "find-payment-collection" })
  const existing = transform({ carts }, ({ carts }) => carts[0]?.payment_collection?.id as string | undefined)
  when("create-payment-collection", { existing }, ({ existing }) => !existing).then(() => {
    createPaymentCollectionForCartWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ cart_id: input.cart_id })),
    })
  })
  const { data: refreshed } = useQueryGraphStep({
    entity: "cart",
    fields: ["id", "payment_collection.id"],
    filters: { id: input.cart_id },
  }).config({ name: "read-payment-collection" })
  createPaymentSessionsWorkflow.runAsStep({
    input: transform({ refreshed, input }, ({ refreshed, input }) => ({
      payment_collection_id: refreshed[0].payment_collection!.id as string,
      provider_id: input.provider_id,
      customer_id: input.customer_id,
    })),
  })

  const order = completeCartWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => ({ id: input.cart_id })),
  })
  releaseLockStep({ key: input.cart_id })
  return new WorkflowResponse(order)
})

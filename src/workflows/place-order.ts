import {
  acquireLockStep,
  addShippingMethodToCartWorkflow,
  completeCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  releaseLockStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"

export type PlaceOrderInput = {
  cart_id: string
  shipping_option_id: string
  /** The Medusa payment provider of the session, e.g. pp_cod_cod. */
  provider_id: string
  /** The account's customer: card providers keep their own customer record (Stripe's) for it. */
  customer_id?: string
}

export const placeOrderWorkflowId = "place-order"

/**
 * Turns an addressed cart (email and addresses set, which the shipping
 * option was priced for) into an order the way a Medusa storefront does, in
 * one run under the cart's lock: the delivery method, a payment collection
 * and session with the chosen provider, then
 * completeCartWorkflow (its stock reservation, the shop's rules in its
 * validate hook, order.placed). Nested workflows skip their own lock, so this
 * one holds it (MEDUSA-NOTES: #14804).
 */
export const placeOrderWorkflow = createWorkflow(placeOrderWorkflowId, (input: PlaceOrderInput) => {
  acquireLockStep({ key: input.cart_id, timeout: 30, ttl: 120 })

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

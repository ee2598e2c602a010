import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CART_EXPIRY_MODULE } from "../../modules/cart-expiry"
import type CartExpiryModuleService from "../../modules/cart-expiry/service"

export const findExpiredCartsStepId = "find-expired-carts"

export type FindExpiredCartsInput = { now: Date; limit: number }

/** Finds expiry records that have passed, and which of their carts were never ordered. */
export const findExpiredCartsStep = createStep(
  findExpiredCartsStepId,
  async ({ now, limit }: FindExpiredCartsInput, { container }) => {
    const expiries: CartExpiryModuleService = container.resolve(CART_EXPIRY_MODULE)
    const expired = await expiries.listCartExpiries(
      { expires_at: { $lte: now } },
      { select: ["id", "cart_id"], take: limit, order: { expires_at: "ASC" } }
    )
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: carts } = expired.length
      ? await query.graph({
          entity: "cart",
          fields: ["id", "completed_at"],
          filters: { id: expired.map((e) => e.cart_id) },
        })
      : { data: [] as { id: string; completed_at?: unknown }[] }
    return new StepResponse({
      expiry_ids: expired.map((e) => e.id),
      cart_ids: carts.filter((cart) => !cart.completed_at).map((cart) => cart.id),
    })
  }
)

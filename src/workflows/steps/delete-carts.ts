import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"

export const deleteCartsStepId = "delete-carts"

/** Soft-deletes carts with their lines; the compensation restores them. */
export const deleteCartsStep = createStep(
  deleteCartsStepId,
  async (cartIds: string[], { container }) => {
    if (!cartIds.length) {
      return new StepResponse([], [])
    }
    const cartModule = container.resolve(Modules.CART)
    await cartModule.softDeleteCarts(cartIds)
    return new StepResponse(cartIds, cartIds)
  },
  async (cartIds, { container }) => {
    if (!cartIds?.length) return
    await container.resolve(Modules.CART).restoreCarts(cartIds)
  }
)

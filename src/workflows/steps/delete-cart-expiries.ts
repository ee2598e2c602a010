import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CART_EXPIRY_MODULE } from "../../modules/cart-expiry"
import type CartExpiryModuleService from "../../modules/cart-expiry/service"

export const deleteCartExpiriesStepId = "delete-cart-expiries"

/** Soft-deletes spent expiry records; the compensation restores them. */
export const deleteCartExpiriesStep = createStep(
  deleteCartExpiriesStepId,
  async (expiryIds: string[], { container }) => {
    if (!expiryIds.length) {
      return new StepResponse([], [])
    }
    const service: CartExpiryModuleService = container.resolve(CART_EXPIRY_MODULE)
    await service.softDeleteCartExpiries(expiryIds)
    return new StepResponse(expiryIds, expiryIds)
  },
  async (expiryIds, { container }) => {
    if (!expiryIds?.length) return
    const service: CartExpiryModuleService = container.resolve(CART_EXPIRY_MODULE)
    await service.restoreCartExpiries(expiryIds)
  }
)

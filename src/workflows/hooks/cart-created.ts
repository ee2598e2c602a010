import { createCartWorkflow } from "@medusajs/medusa/core-flows"
import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { CART_EXPIRY_MODULE } from "../../modules/cart-expiry"
import type CartExpiryModuleService from "../../modules/cart-expiry/service"
import { cartExpiresAt } from "../../lib/cart-rules"

// Every cart, ours or one made through Medusa's /store API, gets its expiry.
createCartWorkflow.hooks.cartCreated(
  async ({ cart }, { container }) => {
    if (!cart?.id) {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "cartCreated hook got no cart")
    }
    const service: CartExpiryModuleService = container.resolve(CART_EXPIRY_MODULE)
    const expiry = await service.createCartExpiries({
      cart_id: cart.id,
      expires_at: cartExpiresAt(cart.created_at ?? new Date()),
    })
    return new StepResponse(expiry, expiry.id)
  },
  async (expiryId: string | undefined, { container }) => {
    if (!expiryId) return
    const service: CartExpiryModuleService = container.resolve(CART_EXPIRY_MODULE)
    await service.deleteCartExpiries(expiryId)
  }
)

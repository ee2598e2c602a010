import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PromotionActions } from "@medusajs/framework/utils"
import { updateCartPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { presentDiscount } from "../../../../presenters/discount"
import { cartCodes, loadOpenCart, presentCartById } from "../../../../utils/cart"
import { findPromotion } from "../../../../../lib/discount-rules"
import { ApiError } from "../../../../../lib/errors"
import type { ApplyDiscountBody, RemoveDiscountBody } from "../validators"

// The discount rules (known, usable, minimum, one code per cart) run inside
// updateCartPromotionsWorkflow for /store too: src/workflows/hooks/promotion-rules.ts.
export async function POST(req: AuthenticatedMedusaRequest<ApplyDiscountBody>, res: MedusaResponse) {
  const { cartId, discountCode } = req.validatedBody
  const actorId = req.auth_context?.actor_id
  await loadOpenCart(req.scope, cartId, actorId)
  const promotion = await findPromotion(req.scope, discountCode)
  await updateCartPromotionsWorkflow(req.scope).run({
    // As /store does: the payment-collection refresh also rounds a JOD total (hooks/jod-rounding.ts).
    input: {
      cart_id: cartId,
      promo_codes: [promotion.code!],
      action: PromotionActions.ADD,
      force_refresh_payment_collection: true,
    },
  })
  const cart = await presentCartById(req.scope, cartId, actorId)
  if (cart.discountCode !== promotion.code) {
    throw new ApiError(422, "DISCOUNT_ERROR", `Discount code ${promotion.code} does not apply to this cart`, [
      { field: "discountCode", message: "None of the cart's items qualify for this code" },
    ])
  }
  res.json({ data: presentDiscount(promotion, cart), message: "Discount applied successfully" })
}

export async function DELETE(req: AuthenticatedMedusaRequest<RemoveDiscountBody>, res: MedusaResponse) {
  const { cartId } = req.validatedBody
  const actorId = req.auth_context?.actor_id
  const { cart } = await loadOpenCart(req.scope, cartId, actorId)
  const codes = cartCodes(cart)
  if (!codes.length) {
    throw new ApiError(404, "RESOURCE_NOT_FOUND", "No discount code is applied to this cart")
  }
  await updateCartPromotionsWorkflow(req.scope).run({
    input: {
      cart_id: cartId,
      promo_codes: codes,
      action: PromotionActions.REMOVE,
      force_refresh_payment_collection: true,
    },
  })
  res.json({ data: await presentCartById(req.scope, cartId, actorId), message: "Discount removed successfully" })
}

import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PromotionActions } from "@medusajs/framework/utils"
import { updateCartPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { presentDiscount } from "../../../../presenters/discount"
import { loadOpenCart, presentCartById, withCartLock } from "../../../../utils/cart"
import {
  assertMinimumMet,
  assertNoCodeApplied,
  assertPromotionUsable,
  findPromotion,
  removePromotionCodes,
} from "../../../../utils/discount"
import { ApiError } from "../../../../../lib/errors"
import type { ApplyDiscountBody, RemoveDiscountBody } from "../validators"

export async function POST(req: AuthenticatedMedusaRequest<ApplyDiscountBody>, res: MedusaResponse) {
  const { cartId, discountCode } = req.validatedBody
  const actorId = req.auth_context?.actor_id
  const promotion = await withCartLock(req.scope, cartId, async () => {
    const access = await loadOpenCart(req.scope, cartId, actorId)
    const found = await findPromotion(req.scope, discountCode)
    assertNoCodeApplied(access.cart)
    assertPromotionUsable(found)
    await assertMinimumMet(req.scope, found, access.cart)
    await updateCartPromotionsWorkflow(req.scope).run({
      input: { cart_id: cartId, promo_codes: [found.code!], action: PromotionActions.ADD },
    })
    return found
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
  await withCartLock(req.scope, cartId, async () => {
    const access = await loadOpenCart(req.scope, cartId, actorId)
    const codes = (access.cart.promotions ?? []).flatMap((p) => (p?.code ? [p.code] : []))
    if (!codes.length) {
      throw new ApiError(404, "RESOURCE_NOT_FOUND", "No discount code is applied to this cart")
    }
    await removePromotionCodes(req.scope, cartId, codes)
  })
  res.json({ data: await presentCartById(req.scope, cartId, actorId), message: "Discount removed successfully" })
}

import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { addToCartWorkflow } from "@medusajs/medusa/core-flows"
import { passedCartGuard } from "../../../../../http/cart-guard"
import { loadOpenCart, presentCartById } from "../../../../../utils/cart"
import { assertQuantity, assertSellableVariant } from "../../helpers"
import type { AddCartItemBody } from "../../validators"

export async function POST(req: AuthenticatedMedusaRequest<AddCartItemBody>, res: MedusaResponse) {
  const { cartId } = req.params
  const actorId = req.auth_context?.actor_id
  const { productId, variantId, quantity } = req.validatedBody
  if (!passedCartGuard(req, cartId)) {
    await loadOpenCart(req.scope, cartId, actorId)
  }
  assertQuantity(quantity)
  await assertSellableVariant(req.scope, productId, variantId)
  await addToCartWorkflow(req.scope).run({
    input: { cart_id: cartId, items: [{ variant_id: variantId, quantity }] },
  })
  res.json({
    data: await presentCartById(req.scope, cartId, actorId),
    message: "Item added to cart successfully",
  })
}

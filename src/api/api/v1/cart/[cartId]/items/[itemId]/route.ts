import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteLineItemsWorkflow, updateLineItemInCartWorkflow } from "@medusajs/medusa/core-flows"
import { cartCodes, loadOpenCart, messageWithDroppedCodes, readCartAnswer } from "../../../../../../utils/cart"
import { assertCartItem, assertQuantity } from "../../../helpers"
import type { UpdateCartItemBody } from "../../../validators"

export async function PUT(req: AuthenticatedMedusaRequest<UpdateCartItemBody>, res: MedusaResponse) {
  const { cartId, itemId } = req.params
  const actorId = req.auth_context?.actor_id
  const { cart } = await loadOpenCart(req.scope, cartId, actorId)
  assertCartItem(cart, itemId)
  assertQuantity(req.validatedBody.quantity)
  await updateLineItemInCartWorkflow(req.scope).run({
    input: { cart_id: cartId, item_id: itemId, update: { quantity: req.validatedBody.quantity } },
  })
  const { data, codes } = await readCartAnswer(req.scope, cartId, actorId)
  res.json({ data, message: messageWithDroppedCodes(cartCodes(cart), codes, "Cart item updated successfully") })
}

export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { cartId, itemId } = req.params
  const actorId = req.auth_context?.actor_id
  const { cart } = await loadOpenCart(req.scope, cartId, actorId)
  assertCartItem(cart, itemId)
  await deleteLineItemsWorkflow(req.scope).run({ input: { cart_id: cartId, ids: [itemId] } })
  const { data, codes } = await readCartAnswer(req.scope, cartId, actorId)
  res.json({ data, message: messageWithDroppedCodes(cartCodes(cart), codes, "Item removed from cart successfully") })
}

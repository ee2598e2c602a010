import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteLineItemsWorkflow, updateLineItemInCartWorkflow } from "@medusajs/medusa/core-flows"
import {
  loadOpenCart,
  presentCartById,
  revalidateDiscounts,
  withCartLock,
} from "../../../../../../utils/cart"
import { assertCartItem, assertQuantity } from "../../../helpers"
import type { UpdateCartItemBody } from "../../../validators"

export async function PUT(req: AuthenticatedMedusaRequest<UpdateCartItemBody>, res: MedusaResponse) {
  const { cartId, itemId } = req.params
  const actorId = req.auth_context?.actor_id
  const message = await withCartLock(req.scope, cartId, async () => {
    const access = await loadOpenCart(req.scope, cartId, actorId)
    assertCartItem(access.cart, itemId)
    assertQuantity(req.validatedBody.quantity)
    await updateLineItemInCartWorkflow(req.scope).run({
      input: { cart_id: cartId, item_id: itemId, update: { quantity: req.validatedBody.quantity } },
    })
    return revalidateDiscounts(req.scope, cartId, actorId, "Cart item updated successfully")
  })
  res.json({ data: await presentCartById(req.scope, cartId, actorId), message })
}

export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { cartId, itemId } = req.params
  const actorId = req.auth_context?.actor_id
  const message = await withCartLock(req.scope, cartId, async () => {
    const access = await loadOpenCart(req.scope, cartId, actorId)
    assertCartItem(access.cart, itemId)
    await deleteLineItemsWorkflow(req.scope).run({ input: { cart_id: cartId, ids: [itemId] } })
    return revalidateDiscounts(req.scope, cartId, actorId, "Item removed from cart successfully")
  })
  res.json({ data: await presentCartById(req.scope, cartId, actorId), message })
}

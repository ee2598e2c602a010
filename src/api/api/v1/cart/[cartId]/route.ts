import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { clearCartWorkflow } from "../../../../../workflows/clear-cart"
import { loadOpenCart, presentCartById } from "../../../../utils/cart"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ data: await presentCartById(req.scope, req.params.cartId, req.auth_context?.actor_id) })
}

export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { cartId } = req.params
  const access = await loadOpenCart(req.scope, cartId, req.auth_context?.actor_id)
  await clearCartWorkflow(req.scope).run({
    input: {
      cart_id: cartId,
      item_ids: (access.cart.items ?? []).flatMap((item) => (item ? [item.id] : [])),
      has_promotions: !!access.cart.promotions?.length,
    },
  })
  res.json({ message: "Cart cleared successfully" })
}

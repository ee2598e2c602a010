import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { holdCartStockWorkflow } from "../../../../../workflows/hold-cart-stock"
import { loadOpenCart } from "../../../../utils/cart"
import { assertItemsInCart } from "../../../../utils/inventory"
import type { ReserveBody } from "../validators"

export async function POST(req: AuthenticatedMedusaRequest<ReserveBody>, res: MedusaResponse) {
  const { cartId, items, reservationMinutes } = req.validatedBody
  const { cart } = await loadOpenCart(req.scope, cartId, req.auth_context?.actor_id)
  const lines = assertItemsInCart(cart, items)
  const { result } = await holdCartStockWorkflow(req.scope).run({
    input: {
      cart_id: cartId,
      sales_channel_id: cart.sales_channel_id!,
      items: lines,
      expires_at: new Date(Date.now() + reservationMinutes * 60_000),
    },
  })
  res.status(201).json({
    data: { reservationId: result.id, expiresAt: new Date(result.expires_at).toISOString() },
  })
}

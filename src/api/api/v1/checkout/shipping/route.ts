import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import {
  listShippingOptionsForCartWithPricingWorkflow,
  updateCartWorkflow,
} from "@medusajs/medusa/core-flows"
import { presentShippingMethods, PricedOption } from "../../../../presenters/shipping"
import { toCartAddress } from "../../../../utils/checkout-address"
import { loadCheckoutCart } from "../../../../utils/cart"
import type { ShippingQuoteBody } from "../validators"

export async function POST(req: AuthenticatedMedusaRequest<ShippingQuoteBody>, res: MedusaResponse) {
  const { cartId, shippingAddress } = req.validatedBody
  const access = await loadCheckoutCart(req.scope, cartId, req.auth_context?.actor_id)
  const { governorate, address } = await toCartAddress(req.scope, access.cart.region_id!, shippingAddress)
  await updateCartWorkflow(req.scope).run({ input: { id: cartId, shipping_address: address } })
  const { result } = await listShippingOptionsForCartWithPricingWorkflow(req.scope).run({
    input: { cart_id: cartId, is_return: false },
  })
  const quote = { options: result as PricedOption[], currency: access.cart.currency_code, governorate }
  res.json({
    data: {
      methods: presentShippingMethods(quote.options, quote.currency, quote.governorate?.code),
      shippingAddress: {
        ...shippingAddress,
        country: shippingAddress.country.toUpperCase(),
        governorate: quote.governorate?.name ?? shippingAddress.governorate ?? null,
      },
    },
  })
}

import type Medusa from "@medusajs/js-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import { CART_EXPIRY_MODULE } from "../../src/modules/cart-expiry"
import type CartExpiryModuleService from "../../src/modules/cart-expiry/service"

const AMMAN = {
  first_name: "Lina",
  last_name: "Haddad",
  address_1: "Queen Rania Street 15",
  city: "Amman",
  province: "Amman",
  postal_code: "11118",
  country_code: "jo",
  phone: "+962790000000",
}

/** A Jordan cart holding `lines` (variant id, quantity), made through Medusa's /store API. */
export async function jordanCart(sdk: Medusa, lines: [string, number][]) {
  const { regions } = await sdk.store.region.list()
  const region = regions.find((r) => r.currency_code === "jod")!
  const { cart } = await sdk.store.cart.create({ region_id: region.id })
  for (const [variant_id, quantity] of lines) {
    await sdk.store.cart.createLineItem(cart.id, { variant_id, quantity })
  }
  return cart.id
}

/** A /store checkout in Jordan with standard delivery and Medusa's system payment; the order id. */
export async function placeJordanOrder(sdk: Medusa, lines: [string, number][], email: string) {
  const cartId = await jordanCart(sdk, lines)
  await sdk.store.cart.update(cartId, { email, shipping_address: AMMAN, billing_address: AMMAN })
  const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: cartId })
  await sdk.store.cart.addShippingMethod(cartId, { option_id: shipping_options.find((o) => /standard/i.test(o.name))!.id })
  const { cart } = await sdk.store.cart.retrieve(cartId)
  await sdk.store.payment.initiatePaymentSession(cart, { provider_id: "pp_system_default" })
  const completed = await sdk.store.cart.complete(cartId)
  if (completed.type !== "order") throw new Error(`checkout failed: ${JSON.stringify(completed.error)}`)
  return completed.order.id
}

/** Moves a cart's expiry into the past, as if 30 days had gone by. */
export async function expireCart(container: MedusaContainer, cartId: string) {
  const expiries: CartExpiryModuleService = container.resolve(CART_EXPIRY_MODULE)
  const [expiry] = await expiries.listCartExpiries({ cart_id: cartId })
  await expiries.updateCartExpiries({ id: expiry.id, expires_at: new Date(Date.now() - 60_000) })
}

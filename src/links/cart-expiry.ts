import { defineLink } from "@medusajs/framework/utils"
import CartModule from "@medusajs/medusa/cart"
import CartExpiryModule from "../modules/cart-expiry"

// Read-only: the expiry row holds the cart id, so Query can read
// `cart.cart_expiry.expires_at` without a pivot table.
export default defineLink(
  { linkable: CartModule.linkable.cart, field: "id" },
  { ...CartExpiryModule.linkable.cartExpiry.id, primaryKey: "cart_id" },
  { readOnly: true }
)

import { model } from "@medusajs/framework/utils"

/** When a cart expires (the requirements' carts.expires_at), indexed for the hourly sweep. */
const CartExpiry = model.define("cart_expiry", {
  id: model.id({ prefix: "cexp" }).primaryKey(),
  cart_id: model.text().unique(),
  expires_at: model.dateTime().index(),
})

export default CartExpiry

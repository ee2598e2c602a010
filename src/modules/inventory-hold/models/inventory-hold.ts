import { model } from "@medusajs/framework/utils"

/**
 * A cart's live hold: the Medusa reservation items it made, and when they
 * stop counting. One per cart (replacing a hold replaces this row).
 * `reservations` lists, per reservation item, what it holds, so reads can
 * give an expired or own hold back without asking the inventory module.
 */
const InventoryHold = model.define("inventory_hold", {
  id: model.id({ prefix: "ihold" }).primaryKey(),
  cart_id: model.text().unique(),
  expires_at: model.dateTime().index(),
  reservations: model.json(),
})

export default InventoryHold

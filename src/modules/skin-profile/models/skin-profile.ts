import { model } from "@medusajs/framework/utils"

/**
 * One customer's skin profile (skin type, concerns, date of birth), linked to
 * Medusa's customer by customer_id. The whole profile is one sealed JSON value
 * (src/lib/pii.ts) bound to the customer id; key_id names the key that sealed
 * it, so keys rotate without guessing.
 */
const SkinProfile = model.define("skin_profile", {
  id: model.id({ prefix: "skp" }).primaryKey(),
  customer_id: model.text().unique(),
  key_id: model.text(),
  sealed: model.text(),
})

export default SkinProfile

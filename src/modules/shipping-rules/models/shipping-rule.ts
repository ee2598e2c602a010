import { model } from "@medusajs/framework/utils"
import { SHIPPING_METHOD_CODES } from "../../../lib/shipping-methods"

/** How one delivery method works in one Jordanian governorate. */
const ShippingRule = model
  .define("shipping_rule", {
    id: model.id({ prefix: "shrule" }).primaryKey(),
    governorate: model.text(),
    method: model.enum([...SHIPPING_METHOD_CODES]),
    available: model.boolean().default(true),
    // JOD in major units, like every Medusa amount; kept at multiples of 0.01 (10 fils).
    price: model.bigNumber(),
    min_days: model.number(),
    max_days: model.number(),
  })
  .indexes([{ on: ["governorate", "method"], unique: true }])

export default ShippingRule

import { model } from "@medusajs/framework/utils"

/** The smallest item subtotal, in one currency, for which a promotion may be used. */
const PromotionMinimum = model
  .define("promotion_minimum", {
    id: model.id({ prefix: "promomin" }).primaryKey(),
    promotion_id: model.text().index(),
    currency_code: model.text(),
    // Major units, like every Medusa amount.
    amount: model.bigNumber(),
  })
  .indexes([{ on: ["promotion_id", "currency_code"], unique: true }])

export default PromotionMinimum

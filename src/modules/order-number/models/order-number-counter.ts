import { model } from "@medusajs/framework/utils"

/** The last SKN order number handed out in one year (Asia/Amman). */
const OrderNumberCounter = model
  .define("order_number_counter", {
    id: model.id({ prefix: "ordnum" }).primaryKey(),
    year: model.number(),
    last_value: model.number(),
  })
  .indexes([{ on: ["year"], unique: true }])

export default OrderNumberCounter

import { model } from "@medusajs/framework/utils"

/** A customer's review of a product; only approved ones are shown or counted. */
const Review = model
  .define("review", {
    id: model.id({ prefix: "rev" }).primaryKey(),
    product_id: model.text().index(),
    customer_id: model.text(),
    rating: model.number(),
    title: model.text(),
    body: model.text(),
    author_name: model.text(),
    verified_purchase: model.boolean().default(false),
    status: model.enum(["pending", "approved", "rejected"]).default("pending"),
  })
  .indexes([
    { on: ["product_id", "customer_id"], unique: true },
    { on: ["product_id", "status"] },
  ])

export default Review

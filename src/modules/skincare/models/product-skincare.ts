import { model } from "@medusajs/framework/utils"

/** The skincare facts of one Medusa product (linked by product_id). */
const ProductSkincare = model.define("product_skincare", {
  id: model.id({ prefix: "pskin" }).primaryKey(),
  product_id: model.text().unique(),
  // Ordered as on the pack: the first ingredients are the most concentrated.
  ingredients: model.array(),
  skin_types: model.array(),
  concerns: model.array(),
  how_to_use: model.text().nullable(),
  seo_title: model.text().nullable(),
  seo_description: model.text().nullable(),
  low_stock_threshold: model.number().default(10),
})

export default ProductSkincare

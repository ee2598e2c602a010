import { model } from "@medusajs/framework/utils"

/** The merchant's low-stock threshold for one variant; no row means the default (10). */
const VariantStockSetting = model.define("variant_stock_setting", {
  id: model.id({ prefix: "vstock" }).primaryKey(),
  variant_id: model.text().unique(),
  low_stock_threshold: model.number(),
})

export default VariantStockSetting

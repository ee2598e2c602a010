import { model } from "@medusajs/framework/utils"

/**
 * One product as the storefront lists, filters, sorts and searches it: a
 * read model kept in step with Medusa's product, pricing, inventory and our
 * skincare data by subscribers, so those queries run in one indexed table.
 */
const CatalogueEntry = model.define("catalogue_entry", {
  id: model.id({ prefix: "cate" }).primaryKey(),
  product_id: model.text().unique(),
  handle: model.text(),
  title: model.text().index(),
  status: model.text(),
  product_created_at: model.dateTime().index(),
  category_handles: model.array(),
  tags: model.array(),
  skin_types: model.array(),
  concerns: model.array(),
  sales_channel_ids: model.array(),
  in_stock_channel_ids: model.array(),
  // Lowest calculated variant price per currency, in minor units (cents, fils).
  price_usd: model.number().nullable(),
  price_jod: model.number().nullable(),
  // The list's answer for this product per currency code, without stock...
  document: model.json(),
  // ...and per sales channel and variant: [sellable now, available].
  variant_stock: model.json(),
  // Folded search text per field (see lib/text.ts), weighted in that order.
  search_name: model.text(),
  search_tags: model.text(),
  search_category: model.text(),
  search_concerns: model.text(),
  search_ingredients: model.text(),
  search_description: model.text(),
})

export default CatalogueEntry

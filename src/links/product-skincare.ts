import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import SkincareModule from "../modules/skincare"

// Read-only: the skincare row holds the product id, so Query reads
// `product.product_skincare.*` without a pivot table.
export default defineLink(
  { linkable: ProductModule.linkable.product, field: "id" },
  { ...SkincareModule.linkable.productSkincare.id, primaryKey: "product_id" },
  { readOnly: true }
)

import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import ReviewModule from "../modules/review"

// Read-only: each review holds its product id; Query reads `product.reviews`.
export default defineLink(
  { linkable: ProductModule.linkable.product, field: "id" },
  { ...ReviewModule.linkable.review.id, primaryKey: "product_id", isList: true },
  { readOnly: true }
)

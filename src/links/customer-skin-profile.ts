import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import SkinProfileModule from "../modules/skin-profile"

// Read-only, keyed on the profile's own customer_id (no pivot table): Query
// reads `customer.skin_profile.*` (sealed; the module's service opens it).
export default defineLink(
  { linkable: CustomerModule.linkable.customer, field: "id" },
  { ...SkinProfileModule.linkable.skinProfile.id, primaryKey: "customer_id" },
  { readOnly: true }
)

import { MedusaService } from "@medusajs/framework/utils"
import ShippingRule from "./models/shipping-rule"

class ShippingRulesModuleService extends MedusaService({ ShippingRule }) {}

export default ShippingRulesModuleService

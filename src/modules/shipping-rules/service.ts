import { MedusaService } from "@medusajs/framework/utils"
import PublicHoliday from "./models/public-holiday"
import ShippingRule from "./models/shipping-rule"

class ShippingRulesModuleService extends MedusaService({ ShippingRule, PublicHoliday }) {}

export default ShippingRulesModuleService

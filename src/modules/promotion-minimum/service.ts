import { MedusaService } from "@medusajs/framework/utils"
import PromotionMinimum from "./models/promotion-minimum"

class PromotionMinimumModuleService extends MedusaService({ PromotionMinimum }) {}

export default PromotionMinimumModuleService

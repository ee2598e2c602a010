import { MedusaService } from "@medusajs/framework/utils"
import ProductSkincare from "./models/product-skincare"

class SkincareModuleService extends MedusaService({ ProductSkincare }) {}

export default SkincareModuleService

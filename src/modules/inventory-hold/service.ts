import { MedusaService } from "@medusajs/framework/utils"
import InventoryHold from "./models/inventory-hold"
import VariantStockSetting from "./models/variant-stock-setting"

class InventoryHoldModuleService extends MedusaService({ InventoryHold, VariantStockSetting }) {}

export default InventoryHoldModuleService

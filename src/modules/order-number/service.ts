import { MedusaService } from "@medusajs/framework/utils"
import OrderNumberCounter from "./models/order-number-counter"

class OrderNumberModuleService extends MedusaService({ OrderNumberCounter }) {}

export default OrderNumberModuleService

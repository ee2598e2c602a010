import { MedusaService } from "@medusajs/framework/utils"
import CartExpiry from "./models/cart-expiry"

class CartExpiryModuleService extends MedusaService({ CartExpiry }) {}

export default CartExpiryModuleService

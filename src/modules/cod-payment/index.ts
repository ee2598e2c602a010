import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import CodPaymentProviderService from "./services/cod-payment"

export default ModuleProvider(Modules.PAYMENT, {
  services: [CodPaymentProviderService],
})

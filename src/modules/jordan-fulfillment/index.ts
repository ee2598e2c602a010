import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import JordanFulfillmentProviderService from "./services/jordan-fulfillment"

export default ModuleProvider(Modules.FULFILLMENT, {
  services: [JordanFulfillmentProviderService],
})

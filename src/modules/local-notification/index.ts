import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import LocalEmailNotificationService from "./services/local-email"

export default ModuleProvider(Modules.NOTIFICATION, {
  services: [LocalEmailNotificationService],
})

import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import BoundedMemoryCachingProvider from "./services/bounded-memory-cache"

export default ModuleProvider(Modules.CACHING, {
  services: [BoundedMemoryCachingProvider],
})

import { MedusaService } from "@medusajs/framework/utils"
import StripeEvent from "./models/stripe-event"

class StripeEventModuleService extends MedusaService({ StripeEvent }) {}

export default StripeEventModuleService

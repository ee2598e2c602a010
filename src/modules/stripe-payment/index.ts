import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import StripeCardPaymentService from "./services/stripe-card-payment"

export default ModuleProvider(Modules.PAYMENT, {
  services: [StripeCardPaymentService],
})

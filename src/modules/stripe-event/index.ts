import { Module } from "@medusajs/framework/utils"
import StripeEventModuleService from "./service"

export const STRIPE_EVENT_MODULE = "stripe_event"

export default Module(STRIPE_EVENT_MODULE, { service: StripeEventModuleService })

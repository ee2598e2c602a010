import { Module } from "@medusajs/framework/utils"
import CustomerSessionModuleService from "./service"

export const CUSTOMER_SESSION_MODULE = "customer_session"

export default Module(CUSTOMER_SESSION_MODULE, { service: CustomerSessionModuleService })

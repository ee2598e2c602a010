import { Module } from "@medusajs/framework/utils"
import CartExpiryModuleService from "./service"

export const CART_EXPIRY_MODULE = "cart_expiry"

export default Module(CART_EXPIRY_MODULE, { service: CartExpiryModuleService })

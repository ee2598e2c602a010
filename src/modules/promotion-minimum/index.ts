import { Module } from "@medusajs/framework/utils"
import PromotionMinimumModuleService from "./service"

export const PROMOTION_MINIMUM_MODULE = "promotion_minimum"

export default Module(PROMOTION_MINIMUM_MODULE, { service: PromotionMinimumModuleService })

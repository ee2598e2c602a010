import { Module } from "@medusajs/framework/utils"
import SkinProfileModuleService from "./service"

export const SKIN_PROFILE_MODULE = "skin_profile"

export default Module(SKIN_PROFILE_MODULE, { service: SkinProfileModuleService })

import { Module } from "@medusajs/framework/utils"
import InventoryHoldModuleService from "./service"

export const INVENTORY_HOLD_MODULE = "inventory_hold"

export default Module(INVENTORY_HOLD_MODULE, { service: InventoryHoldModuleService })

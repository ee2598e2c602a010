import { Module } from "@medusajs/framework/utils"
import CatalogueModuleService from "./service"

export const CATALOGUE_MODULE = "catalogue"

/** The caching-module tag of every cached catalogue answer; a catalogue change clears it. */
export const CATALOGUE_CACHE_TAG = "api-v1-catalogue"

export default Module(CATALOGUE_MODULE, { service: CatalogueModuleService })

import {
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { SeedContext } from "./context"

export const STOCK_LOCATION_NAME = "Amman Warehouse"
const FULFILLMENT_SET_NAME = "Amman Warehouse delivery"
const MANUAL_PROVIDER = "manual_manual"

// Flat placeholders: Jordan's per-governorate rules replace them later.
const ZONES = [
  { name: "Jordan", country: "jo", currency: "jod", region: "jo" as const },
  { name: "United States", country: "us", currency: "usd", region: "us" as const },
]
const METHODS = [
  { code: "standard", label: "Standard Delivery", description: "3-5 business days", amount: 5 },
  { code: "express", label: "Express Delivery", description: "1-2 business days", amount: 10 },
]

/** Stock location, shipping profile, fulfillment set and shipping options for both regions. */
export async function seedFulfillment(
  { container, report }: SeedContext,
  salesChannelId: string,
  regionIds: { jo: string; us: string }
) {
  const stockLocationModule = container.resolve(Modules.STOCK_LOCATION)
  const fulfillmentModule = container.resolve(Modules.FULFILLMENT)
  const link = container.resolve(ContainerRegistrationKeys.LINK)

  let [location] = await stockLocationModule.listStockLocations({ name: STOCK_LOCATION_NAME })
  if (!location) {
    const { result } = await createStockLocationsWorkflow(container).run({
      input: {
        locations: [
          {
            name: STOCK_LOCATION_NAME,
            address: {
              address_1: "King Abdullah II Street, Industrial Zone",
              city: "Amman",
              province: "JO-AM",
              country_code: "JO",
              postal_code: "11118",
            },
          },
        ],
      },
    })
    location = result[0]
    await linkSalesChannelsToStockLocationWorkflow(container).run({
      input: { id: location.id, add: [salesChannelId] },
    })
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_provider_id: MANUAL_PROVIDER },
    })
    report(`stock location "${STOCK_LOCATION_NAME}"`, 1, 0)
  } else {
    report(`stock location "${STOCK_LOCATION_NAME}"`, 0, 1)
  }

  let [profile] = await fulfillmentModule.listShippingProfiles({ type: "default" })
  if (!profile) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
    })
    profile = result[0]
    report("shipping profile", 1, 0)
  } else {
    report("shipping profile", 0, 1)
  }

  let [fulfillmentSet] = await fulfillmentModule.listFulfillmentSets(
    { name: FULFILLMENT_SET_NAME },
    { relations: ["service_zones"] }
  )
  if (!fulfillmentSet) {
    fulfillmentSet = await fulfillmentModule.createFulfillmentSets({
      name: FULFILLMENT_SET_NAME,
      type: "shipping",
      service_zones: ZONES.map((zone) => ({
        name: zone.name,
        geo_zones: [{ country_code: zone.country, type: "country" as const }],
      })),
    })
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
    })
  }

  const options = await fulfillmentModule.listShippingOptions(
    { service_zone: { fulfillment_set: { id: fulfillmentSet.id } } },
    { relations: ["service_zone", "type"] }
  )
  const wanted = ZONES.flatMap((zone) =>
    METHODS.map((method) => ({ zone, method, name: `${method.label} (${zone.name})` }))
  )
  const missing = wanted.filter((w) => !options.some((o) => o.name === w.name))
  if (missing.length) {
    await createShippingOptionsWorkflow(container).run({
      input: missing.map(({ zone, method, name }) => ({
        name,
        price_type: "flat" as const,
        provider_id: MANUAL_PROVIDER,
        service_zone_id: fulfillmentSet.service_zones.find((z) => z.name === zone.name)!.id,
        shipping_profile_id: profile.id,
        type: { label: method.label, description: method.description, code: method.code },
        prices: [
          { currency_code: zone.currency, amount: method.amount },
          { region_id: regionIds[zone.region], amount: method.amount },
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
          { attribute: "is_return", value: "false", operator: "eq" as const },
        ],
      })),
    })
  }
  report("shipping options (standard, express per region)", missing.length, wanted.length - missing.length)

  return { stockLocationId: location.id, shippingProfileId: profile.id }
}

import {
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { governorateByCode } from "../../lib/jordan"
import { describeDelivery, SHIPPING_METHODS, ShippingMethodDefinition } from "../../lib/shipping-methods"
import type { SeedContext } from "./context"

export const STOCK_LOCATION_NAME = "Amman Warehouse"
const FULFILLMENT_SET_NAME = "Amman Warehouse delivery"
const MANUAL_PROVIDER = "manual_manual"

// Jordan is priced per governorate by our fulfillment provider from the
// shipping-rules module; the United States keeps flat rates.
const ZONES = [
  { name: "Jordan", country: "jo" },
  { name: "United States", country: "us" },
]
const JORDAN_PROVIDER = "jordan-shipping_jordan"

/** The option type's description, from the method's launch days and where it is offered. */
const describe = (method: ShippingMethodDefinition) =>
  describeDelivery(
    method.minDays,
    method.maxDays,
    method.jordanOnlyIn?.map((code) => governorateByCode(code)?.name ?? code)
  )

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
    report(`stock location "${STOCK_LOCATION_NAME}"`, 1, 0)
  } else {
    report(`stock location "${STOCK_LOCATION_NAME}"`, 0, 1)
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [linked],
  } = await query.graph({
    entity: "stock_location",
    fields: ["fulfillment_providers.id"],
    filters: { id: location.id },
  })
  const providers = (linked?.fulfillment_providers ?? []).map((p: { id?: string } | null) => p?.id)
  const unlinked = [MANUAL_PROVIDER, JORDAN_PROVIDER].filter((id) => !providers.includes(id))
  if (unlinked.length) {
    await link.create(
      unlinked.map((fulfillment_provider_id) => ({
        [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
        [Modules.FULFILLMENT]: { fulfillment_provider_id },
      }))
    )
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
  const zoneId = (name: string) => fulfillmentSet.service_zones.find((z) => z.name === name)!.id
  const common = (method: ShippingMethodDefinition) => ({
    shipping_profile_id: profile.id,
    type: { label: method.name, description: describe(method), code: method.code },
    rules: [
      { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
      { attribute: "is_return", value: "false", operator: "eq" as const },
    ],
  })
  const wanted = [
    ...SHIPPING_METHODS.map((method) => ({
      name: `${method.name} (Jordan)`,
      price_type: "calculated" as const,
      provider_id: JORDAN_PROVIDER,
      service_zone_id: zoneId("Jordan"),
      data: { method: method.code, rules: {} },
      ...common(method),
    })),
    ...SHIPPING_METHODS.filter((method) => method.usdPrice !== undefined).map((method) => ({
      name: `${method.name} (United States)`,
      price_type: "flat" as const,
      provider_id: MANUAL_PROVIDER,
      service_zone_id: zoneId("United States"),
      data: { method: method.code, min_days: method.minDays, max_days: method.maxDays },
      prices: [
        { currency_code: "usd", amount: method.usdPrice! },
        { region_id: regionIds.us, amount: method.usdPrice! },
      ],
      ...common(method),
    })),
  ]
  const missing = wanted.filter((w) => !options.some((o) => o.name === w.name))
  if (missing.length) {
    await createShippingOptionsWorkflow(container).run({ input: missing })
  }
  report("shipping options (Jordan: calculated, United States: flat)", missing.length, wanted.length - missing.length)

  return { stockLocationId: location.id, shippingProfileId: profile.id }
}

import {
  createPricePreferencesWorkflow,
  createRegionsWorkflow,
  createTaxRegionsWorkflow,
  updateRegionsWorkflow,
} from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { SeedContext } from "./context"
import { isTaxInclusiveCurrency } from "../../lib/money"
import { isStripeConfigured, STRIPE_PROVIDER_ID } from "../../lib/stripe"

/** Cash on delivery (src/modules/cod-payment), registered in medusa-config.ts with the id "cod". */
export const COD_PAYMENT_PROVIDER_ID = "pp_cod_cod"
const SYSTEM_PAYMENT_PROVIDER_ID = "pp_system_default"

// Cash on delivery is collected in Jordan only (DESIGN.md "Orders and payments").
export const REGIONS = [
  {
    key: "jo",
    name: "Jordan",
    currency_code: "jod",
    country: "jo",
    taxRate: 16,
    taxName: "Jordan GST",
    paymentProviders: [SYSTEM_PAYMENT_PROVIDER_ID, COD_PAYMENT_PROVIDER_ID],
  },
  {
    key: "us",
    name: "United States",
    currency_code: "usd",
    country: "us",
    taxRate: 8,
    taxName: "US sales tax",
    paymentProviders: [SYSTEM_PAYMENT_PROVIDER_ID],
  },
] as const

/** A region's providers; cards (Stripe) in both regions when STRIPE_API_KEY is set. */
const providersOf = (region: (typeof REGIONS)[number]): string[] => [
  ...region.paymentProviders,
  ...(isStripeConfigured() ? [STRIPE_PROVIDER_ID] : []),
]

/** Regions Jordan (JOD, prices include GST) and United States (USD, tax added) with their tax rates. */
export async function seedRegions(ctx: SeedContext) {
  const { container, report } = ctx
  const regionModule = container.resolve(Modules.REGION)
  const taxModule = container.resolve(Modules.TAX)

  const existing = await regionModule.listRegions({ name: { $in: REGIONS.map((r) => r.name) } })
  const missing = REGIONS.filter((r) => !existing.some((e) => e.name === r.name))
  if (missing.length) {
    await createRegionsWorkflow(container).run({
      input: {
        regions: missing.map((r) => ({
          name: r.name,
          currency_code: r.currency_code,
          countries: [r.country],
          payment_providers: providersOf(r),
          automatic_taxes: true,
          is_tax_inclusive: isTaxInclusiveCurrency(r.currency_code),
        })),
      },
    })
  }
  report("regions (Jordan, United States)", missing.length, REGIONS.length - missing.length)

  const taxRegions = await taxModule.listTaxRegions({ country_code: REGIONS.map((r) => r.country) })
  const missingTax = REGIONS.filter(
    (r) => !taxRegions.some((t) => t.country_code === r.country && !t.parent_id)
  )
  if (missingTax.length) {
    await createTaxRegionsWorkflow(container).run({
      input: missingTax.map((r) => ({
        country_code: r.country,
        provider_id: "tp_system",
        default_tax_rate: { rate: r.taxRate, name: r.taxName, code: `${r.key}-default` },
      })),
    })
  }
  report("tax regions (JO 16%, US 8%)", missingTax.length, REGIONS.length - missingTax.length)

  const regions = await regionModule.listRegions({ name: { $in: REGIONS.map((r) => r.name) } })
  await seedRegionPaymentProviders(ctx, regions)
  await seedRegionPricePreferences(ctx, regions)
  const idOf = (name: string) => regions.find((r) => r.name === name)!.id
  return { jo: idOf("Jordan"), us: idOf("United States") }
}

/**
 * Each region's payment providers. A database seeded before cash on delivery
 * existed gets it added to Jordan here; providers the merchant enabled in
 * Admin stay (updateRegionsWorkflow sets the whole list, so it gets the union).
 */
async function seedRegionPaymentProviders(
  { container, report }: SeedContext,
  regions: { id: string; name: string }[]
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "region",
    fields: ["id", "payment_providers.id"],
    filters: { id: regions.map((r) => r.id) },
  })
  let added = 0
  let present = 0
  for (const region of regions) {
    const wanted = providersOf(REGIONS.find((r) => r.name === region.name)!)
    const linked: ({ id: string } | null)[] = data.find((r) => r.id === region.id)?.payment_providers ?? []
    const current = linked.flatMap((p) => (p ? [p.id] : []))
    const missing = wanted.filter((id) => !current.includes(id))
    present += wanted.length - missing.length
    if (missing.length) {
      await updateRegionsWorkflow(container).run({
        input: { selector: { id: region.id }, update: { payment_providers: [...current, ...missing] } },
      })
      added += missing.length
    }
  }
  report("region payment providers (Jordan: system, cash on delivery; US: system; both: Stripe when configured)", added, present)
}

/**
 * Each region's tax-inclusive price preference (Medusa keeps one per region
 * beside the store's per-currency ones). A database seeded before Jordan
 * became tax-inclusive is brought up to date here.
 */
async function seedRegionPricePreferences(
  { container, report }: SeedContext,
  regions: { id: string; name: string }[]
) {
  const pricingModule = container.resolve(Modules.PRICING)
  const preferences = await pricingModule.listPricePreferences({
    attribute: "region_id",
    value: regions.map((r) => r.id),
  })
  const missing: { attribute: string; value: string; is_tax_inclusive: boolean }[] = []
  let updated = 0
  for (const region of regions) {
    const wanted = isTaxInclusiveCurrency(REGIONS.find((r) => r.name === region.name)!.currency_code)
    const preference = preferences.find((p) => p.value === region.id)
    if (!preference) {
      missing.push({ attribute: "region_id", value: region.id, is_tax_inclusive: wanted })
    } else if (preference.is_tax_inclusive !== wanted) {
      await updateRegionsWorkflow(container).run({
        input: { selector: { id: region.id }, update: { is_tax_inclusive: wanted } },
      })
      updated++
    }
  }
  if (missing.length) {
    await createPricePreferencesWorkflow(container).run({ input: missing })
  }
  report(`region tax-inclusive preferences (Jordan yes, US no; ${updated} corrected)`, missing.length, regions.length - missing.length)
}

import { createRegionsWorkflow, createTaxRegionsWorkflow } from "@medusajs/medusa/core-flows"
import { Modules } from "@medusajs/framework/utils"
import type { SeedContext } from "./context"

export const REGIONS = [
  { key: "jo", name: "Jordan", currency_code: "jod", country: "jo", taxRate: 16, taxName: "Jordan GST" },
  { key: "us", name: "United States", currency_code: "usd", country: "us", taxRate: 8, taxName: "US sales tax" },
] as const

/** Regions Jordan (JOD) and United States (USD) with their tax rates. */
export async function seedRegions({ container, report }: SeedContext) {
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
          payment_providers: ["pp_system_default"],
          automatic_taxes: true,
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
  const idOf = (name: string) => regions.find((r) => r.name === name)!.id
  return { jo: idOf("Jordan"), us: idOf("United States") }
}

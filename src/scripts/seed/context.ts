import type { MedusaContainer } from "@medusajs/framework/types"
import type { Logger } from "@medusajs/framework/types"

export type SeedContext = {
  container: MedusaContainer
  logger: Logger
  /** Prints one progress line: what a step created and what it found already there. */
  report: (what: string, created: number, existing: number) => void
}

export type SeedState = {
  salesChannelId: string
  publishableKey: string
  regionIds: { jo: string; us: string }
  stockLocationId: string
  shippingProfileId: string
}

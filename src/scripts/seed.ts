import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DEFAULT_ADMIN_PASSWORD, seedAdminUser } from "./seed/admin-user"
import type { SeedContext } from "./seed/context"
import { seedFulfillment } from "./seed/fulfillment"
import { seedProducts } from "./seed/products"
import { seedPromotions } from "./seed/promotions"
import { seedRegions } from "./seed/regions"
import { seedReviews } from "./seed/reviews"
import { seedShippingRules } from "./seed/shipping-rules"
import { seedStore } from "./seed/store"
import { refreshCatalogueWorkflow } from "../workflows/refresh-catalogue"
import { catalogueSettled } from "../workflows/catalogue-refresher"

/**
 * `npm run seed`: the Skinior shop's base data. Idempotent: every step
 * creates only what is missing, so it is safe to run again after a partial
 * run or on a live database.
 */
export default async function seed({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const started = Date.now()
  const steps = 6
  let step = 0
  const ctx: SeedContext = {
    container,
    logger,
    report: (what, created, existing) =>
      logger.info(`  ${what}: ${created} created, ${existing} already there`),
  }
  const begin = (title: string) => logger.info(`[${++step}/${steps}] ${title}`)

  begin("Store, sales channel and publishable API key")
  const store = await seedStore(ctx)
  begin("Regions and tax")
  const regionIds = await seedRegions(ctx)
  begin("Stock location and shipping")
  const fulfillment = await seedFulfillment(ctx, store.salesChannelId, regionIds)
  await seedShippingRules(ctx)
  begin("Catalogue, stock, sale prices, skincare facts and reviews")
  await seedProducts(ctx, { ...fulfillment, salesChannelId: store.salesChannelId })
  await seedReviews(ctx)
  ctx.logger.info("  building the catalogue search index ...")
  await catalogueSettled()
  const { result: catalogue } = await refreshCatalogueWorkflow(container).run({ input: {} })
  ctx.report("catalogue index entries (refreshed)", catalogue.refreshed, 0)
  begin("Promotions")
  await seedPromotions(ctx)
  begin("Admin user")
  const admin = await seedAdminUser(ctx)

  logger.info(
    [
      `Seed finished in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      `  Publishable API key (x-publishable-api-key): ${store.publishableKey}`,
      // The published default may be printed; a password the operator chose never reaches a log.
      `  Admin login at /app: ${admin.email} / ${admin.password === DEFAULT_ADMIN_PASSWORD ? admin.password : "(the ADMIN_PASSWORD you set)"}`,
    ].join("\n")
  )
}

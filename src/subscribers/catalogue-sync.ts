import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CATALOGUE_EVENTS, productIdsOfEvent } from "../lib/catalogue-events"
import { refreshCatalogueWorkflow } from "../workflows/refresh-catalogue"

/** Keeps the catalogue read model and the cached /api/v1 product answers in step with the shop. */
export default async function catalogueSync({ event, container }: SubscriberArgs<unknown>) {
  const productIds = await productIdsOfEvent(container, event.name, event.data)
  await refreshCatalogueWorkflow(container).run({ input: { product_ids: productIds } })
}

export const config: SubscriberConfig = {
  event: CATALOGUE_EVENTS,
  context: { subscriberId: "catalogue-sync" },
}

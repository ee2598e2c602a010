import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CATALOGUE_EVENTS, productIdsOfEvent } from "../lib/catalogue-events"
import { scheduleCatalogueRefresh } from "../lib/catalogue-refresher"

/** Keeps the catalogue read model and the cached /api/v1 product answers in step with the shop. */
export default async function catalogueSync({ event, container }: SubscriberArgs<unknown>) {
  await scheduleCatalogueRefresh(container, await productIdsOfEvent(container, event.name, event.data))
}

export const config: SubscriberConfig = {
  event: CATALOGUE_EVENTS,
  context: { subscriberId: "catalogue-sync" },
}

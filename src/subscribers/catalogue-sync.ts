import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CATALOGUE_EVENTS, productIdsOfEvent } from "../modules/catalogue/events"
import { scheduleCatalogueRefresh } from "../workflows/catalogue-refresher"

/** Keeps the catalogue read model and the cached /api/v1 product answers in step with the shop. */
export default async function catalogueSync({ event, container }: SubscriberArgs<unknown>) {
  await scheduleCatalogueRefresh(container, await productIdsOfEvent(container.resolve(ContainerRegistrationKeys.QUERY), event.name, event.data))
}

export const config: SubscriberConfig = {
  event: CATALOGUE_EVENTS,
  context: { subscriberId: "catalogue-sync" },
}

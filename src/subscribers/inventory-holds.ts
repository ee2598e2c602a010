import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { scheduleCatalogueRefresh } from "../workflows/catalogue-refresher"

type HoldEvent = { variant_ids?: string[] }

/**
 * A hold made or released changes what the catalogue shows as in stock
 * (variants[].inventoryCount): the products of its variants are refreshed.
 */
export default async function inventoryHoldsCatalogue({ event, container }: SubscriberArgs<HoldEvent | HoldEvent[]>) {
  const variantIds = [...new Set((Array.isArray(event.data) ? event.data : [event.data]).flatMap((d) => d?.variant_ids ?? []))]
  if (!variantIds.length) return
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_variant", fields: ["product_id"], filters: { id: variantIds } })
  const productIds = [...new Set(data.map((v: { product_id?: string | null }) => v.product_id).filter((id): id is string => !!id))]
  if (productIds.length) {
    await scheduleCatalogueRefresh(container, productIds)
  }
}

export const config: SubscriberConfig = {
  event: ["inventory.hold_created", "inventory.hold_released"],
  context: { subscriberId: "inventory-holds-catalogue" },
}

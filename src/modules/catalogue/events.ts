import type { RemoteQueryFunction } from "@medusajs/framework/types"

/** Events after which product listings may read differently. */
export const CATALOGUE_EVENTS = [
  "product.created",
  "product.updated",
  "product.deleted",
  "product-variant.created",
  "product-variant.updated",
  "product-variant.deleted",
  "inventory-level.created",
  "inventory-level.updated",
  "inventory-level.deleted",
  "reservation-item.created",
  "reservation-item.updated",
  "reservation-item.deleted",
  "price.created",
  "price.updated",
  "price.deleted",
  "price-list.created",
  "price-list.updated",
  "price-list.deleted",
  "product_skincare.updated",
  "review.changed",
]

const ids = (data: unknown): string[] =>
  (Array.isArray(data) ? data : [data])
    .map((d) => (d && typeof d === "object" ? (d as { id?: string; product_id?: string }) : {}))
    .map((d) => d.product_id ?? d.id)
    .filter((id): id is string => typeof id === "string")

/**
 * The products an event touches; `undefined` means "any of them" (a price
 * list change), `[]` means none (a review only changes cached answers).
 */
export async function productIdsOfEvent(
  query: Omit<RemoteQueryFunction, symbol>,
  name: string,
  data: unknown
): Promise<string[] | undefined> {
  const entityIds = ids(data)
  const through = async (entity: string, path: string) => {
    const { data: rows } = await query.graph({
      entity,
      fields: [path],
      filters: { id: entityIds },
      withDeleted: true,
    })
    const collect = (value: any, [head, ...rest]: string[]): string[] => {
      if (value === null || value === undefined) return []
      if (Array.isArray(value)) return value.flatMap((v) => collect(v, [head, ...rest]))
      return rest.length ? collect(value[head], rest) : typeof value[head] === "string" ? [value[head]] : []
    }
    return [...new Set(rows.flatMap((row: unknown) => collect(row, path.split("."))))]
  }

  if (name.startsWith("product.") || name === "product_skincare.updated") return entityIds
  if (name === "review.changed") return []
  if (name.startsWith("product-variant.")) return through("product_variant", "product_id")
  if (name.startsWith("inventory-level.")) return through("inventory_level", "inventory_item.variants.product_id")
  if (name.startsWith("reservation-item.")) {
    const { data: rows } = await query.graph({
      entity: "reservation_item",
      fields: ["inventory_item_id"],
      filters: { id: entityIds },
      withDeleted: true,
    })
    const itemIds = rows.map((r: { inventory_item_id: string }) => r.inventory_item_id)
    if (!itemIds.length) return []
    const { data: items } = await query.graph({
      entity: "inventory_item",
      fields: ["variants.product_id"],
      filters: { id: itemIds },
    })
    return [...new Set(items.flatMap((i: any) => (i.variants ?? []).map((v: any) => v?.product_id)).filter(Boolean))] as string[]
  }
  if (name.startsWith("price.")) {
    try {
      return await through("price", "price_set.variant.product_id")
    } catch {
      return undefined
    }
  }
  return undefined
}

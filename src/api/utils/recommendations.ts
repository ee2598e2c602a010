import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "knex"
import { SKIN_TYPES } from "../../modules/skincare/vocabulary"
import type { SkinProfileData } from "../../modules/skin-profile/service"

export type RecommendationParams = {
  customerId: string
  profile: SkinProfileData
  channelId: string
  currency: "usd" | "jod"
  limit: number
}

type Row = {
  product_id: string
  document: Record<string, any>
  variant_stock: Record<string, Record<string, [number, boolean]>> | null
  skin_types: string[]
  concerns: string[]
  sold: string
  bought: boolean
}

// Units sold per product over placed, non-cancelled orders (each order's
// current version), and whether this customer bought it. Read-only SQL across
// Medusa's order tables, as the shop figures do: Query cannot aggregate.
const SOLD_SQL = `select li.product_id, sum(oi.quantity) as sold, bool_or(o.customer_id = :customerId) as bought
    from "order" o
    join order_item oi on oi.order_id = o.id and oi.version = o.version and oi.deleted_at is null
    join order_line_item li on li.id = oi.item_id and li.deleted_at is null
   where o.deleted_at is null and o.is_draft_order = false and o.status <> 'canceled'
   group by li.product_id`

/**
 * Published products in stock in the channel, ranked for the profile in one
 * query over the catalogue read model: already bought last; then a product
 * made for the skin type (one for all skin types lists them all); then the
 * more of the customer's concerns it targets; then best sellers, newest, id.
 * Without a skin type or concerns the ranking is the best sellers.
 */
export async function rankProducts(scope: MedusaContainer, params: RecommendationParams) {
  const pg = scope.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await pg.raw(
    `with sold as (${SOLD_SQL})
     select c.product_id, c.document, c.variant_stock, c.skin_types, c.concerns,
            cast(coalesce(s.sold, 0) as text) as sold, coalesce(s.bought, false) as bought
       from catalogue_entry c left join sold s on s.product_id = c.product_id
      where c.deleted_at is null and c.status = 'published'
        and :channelId = any(c.sales_channel_ids) and :channelId = any(c.in_stock_channel_ids)
      order by coalesce(s.bought, false) asc,
               coalesce(:skinType = any(c.skin_types), false) desc,
               cardinality(array(select unnest(c.concerns) intersect select jsonb_array_elements_text(cast(:concerns as jsonb)))) desc,
               coalesce(s.sold, 0) desc, c.product_created_at desc, c.product_id asc
      limit :limit`,
    {
      customerId: params.customerId,
      channelId: params.channelId,
      skinType: params.profile.skin_type,
      // JSON, not an array: knex would spread an array into a list of bindings.
      concerns: JSON.stringify(params.profile.skin_concerns),
      limit: params.limit,
    }
  )
  return (rows as Row[]).map((row) => ({
    product: withStock(row.document[params.currency], row.variant_stock?.[params.channelId] ?? {}),
    reason: reasonFor(row, params.profile),
  }))
}

function withStock(document: Record<string, any>, stock: Record<string, [number, boolean]>) {
  return {
    ...document,
    variants: (document.variants ?? []).map((variant: { id: string }) => {
      const [inventoryCount, available] = stock[variant.id] ?? [0, false]
      return { ...variant, inventoryCount, available }
    }),
  }
}

const words = (list: string[]) =>
  list.length < 2 ? list.join("") : `${list.slice(0, -1).join(", ")} and ${list[list.length - 1]}`

/** A short reason in the shop's words: "For combination skin · targets acne and dark spots". */
export function reasonFor(
  row: Pick<Row, "skin_types" | "concerns" | "sold" | "bought">,
  profile: Pick<SkinProfileData, "skin_type" | "skin_concerns">
): string {
  const parts: string[] = []
  if (profile.skin_type && row.skin_types.includes(profile.skin_type)) {
    parts.push(SKIN_TYPES.every((t) => row.skin_types.includes(t)) ? "For all skin types" : `For ${profile.skin_type} skin`)
  }
  // In the profile's (the vocabulary's) order, so one customer reads them the same way each time.
  const targets = profile.skin_concerns.filter((c) => row.concerns.includes(c)).map((c) => c.replace(/-/g, " "))
  if (targets.length) {
    parts.push(`${parts.length ? "targets" : "Targets"} ${words(targets)}`)
  }
  if (!parts.length) {
    parts.push(Number(row.sold) > 0 ? "A best seller" : "New in the shop")
  }
  if (row.bought) {
    parts.push("you bought it before")
  }
  return parts.join(" · ")
}

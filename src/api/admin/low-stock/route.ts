import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { lowStockThresholds, sellableStock } from "../../../lib/stock"
import { salesChannelOf } from "../../utils/sales-channel"

// A shop's whole range fits; a bigger one would page this list.
const MAX_VARIANTS = 2000

/** Variants at or below their low-stock threshold in the storefront's channel, lowest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "title", "sku", "product_id", "product.title", "allow_backorder"],
    filters: { manage_inventory: true },
    pagination: { take: MAX_VARIANTS, skip: 0 },
  })
  const tracked = variants.filter((v: any) => !v.allow_backorder)
  const ids = tracked.map((v: any) => v.id as string)
  const channelId = await salesChannelOf(req)
  const [stock, thresholds] = await Promise.all([
    sellableStock(req.scope, { variantIds: ids, salesChannelId: channelId }),
    lowStockThresholds(req.scope, ids),
  ])
  const low = tracked
    .map((v: any) => ({
      variant_id: v.id,
      product_id: v.product_id,
      product_title: v.product?.title ?? null,
      variant_title: v.title,
      sku: v.sku,
      inventory_count: Math.max(0, stock[v.id]?.count ?? 0),
      low_stock_threshold: thresholds[v.id],
    }))
    .filter((v) => v.inventory_count <= v.low_stock_threshold)
    .sort((a, b) => a.inventory_count - b.inventory_count)
  res.json({ variants: low, count: low.length })
}

import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import seed from "../../src/scripts/seed"
import { PRODUCTS } from "../../src/scripts/seed/catalogue"

export type SeededVariant = { id: string; productId: string; sku: string; stock: number }

/** Seeds the shop and answers what tests need to find in it. */
export async function seedShop(container: MedusaContainer) {
  await seed({ container, args: [] } as any)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "sku", "product_id"],
  })
  const stockBySku = new Map(PRODUCTS.flatMap((p) => p.variants.map((v) => [v.sku, v])))
  const bySku = (sku: string): SeededVariant => {
    const variant = variants.find((v) => v.sku === sku)!
    return { id: variant.id, productId: variant.product_id!, sku, stock: stockBySku.get(sku)!.stock }
  }
  const [key] = await container
    .resolve(Modules.API_KEY)
    .listApiKeys({ type: "publishable", title: "Skinior Storefront" })
  return { publishableKey: key.token, variant: bySku, catalogue: PRODUCTS }
}

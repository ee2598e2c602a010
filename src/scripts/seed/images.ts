import { Modules } from "@medusajs/framework/utils"
import { setProductImagesWorkflow } from "../../workflows/set-product-images"
import { CATEGORIES, PRODUCTS } from "./catalogue"
import type { SeedContext } from "./context"
import { drawProductImage } from "./product-art"

/**
 * Earlier seeds pointed every product at this CDN, which never served the
 * files: such a thumbnail counts as missing and is replaced.
 */
export const RETIRED_PLACEHOLDER_PREFIX = "https://cdn.skinior.com/"

/** The stable file name of a product's seeded picture (the provider may prefix it). */
export const seedImageFileName = (handle: string) => `seed-${handle}.png`

/**
 * A product gets a generated picture only when it has none that works. Any
 * other thumbnail (an earlier seed's upload, or a photo the merchant chose in
 * Admin) is kept, so seeding again uploads nothing.
 */
export const needsSeedImage = (thumbnail?: string | null) =>
  !thumbnail || thumbnail.startsWith(RETIRED_PLACEHOLDER_PREFIX)

/** Gives each catalogue product without a working picture its generated one, uploaded through the file module. */
export async function seedProductImages({ container, report }: SeedContext) {
  const products = await container.resolve(Modules.PRODUCT).listProducts(
    { handle: PRODUCTS.map((p) => p.handle) },
    { select: ["id", "handle", "thumbnail"], take: PRODUCTS.length }
  )
  const missing = products.filter((p) => needsSeedImage(p.thumbnail))
  if (missing.length) {
    const categoryName = new Map(CATEGORIES.map((c) => [c.handle, c.name]))
    const images = missing.map((product) => {
      const data = PRODUCTS.find((p) => p.handle === product.handle)!
      const png = drawProductImage({
        handle: data.handle,
        title: data.title,
        category: data.category,
        categoryName: categoryName.get(data.category) ?? data.category,
      })
      return {
        product_id: product.id,
        filename: seedImageFileName(data.handle),
        mimeType: "image/png",
        content: png.toString("base64"),
      }
    })
    await setProductImagesWorkflow(container).run({ input: { images } })
  }
  report("product images (generated, uploaded through the file module)", missing.length, products.length - missing.length)
}

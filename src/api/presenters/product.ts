import {
  PRODUCT_FIELDS,
  presentCatalogueProduct as presentProduct,
  type ProductRecord,
} from "../../modules/catalogue/document"

export { PRODUCT_FIELDS, presentProduct, type ProductRecord }

/** The product page: the list shape plus skincare facts and the review summary. */
export function presentProductDetail(
  product: ProductRecord,
  currency: string,
  availability: Record<string, number | null | undefined>,
  reviews: { averageRating: number; totalReviews: number }
) {
  const skincare = product.product_skincare ?? {}
  return {
    ...presentProduct(product, currency, availability),
    ingredients: skincare.ingredients ?? [],
    skinTypes: skincare.skin_types ?? [],
    concerns: skincare.concerns ?? [],
    howToUse: skincare.how_to_use ?? null,
    reviews,
  }
}

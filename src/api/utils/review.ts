import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { REVIEW_MODULE } from "../../modules/review"
import type ReviewModuleService from "../../modules/review/service"

/** One review per customer and product: a second is a 409. */
export async function assertFirstReview(scope: MedusaContainer, productId: string, customerId: string) {
  const service: ReviewModuleService = scope.resolve(REVIEW_MODULE)
  const [existing] = await service.listReviews({ product_id: productId, customer_id: customerId })
  if (existing) {
    throw new MedusaError(MedusaError.Types.CONFLICT, "You have already reviewed this product")
  }
}

/** The name shown with a review ("Lina H.") and whether its author ordered the product. */
export async function reviewAuthor(scope: MedusaContainer, productId: string, customerId: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [customer],
  } = await query.graph({ entity: "customer", fields: ["first_name", "last_name"], filters: { id: customerId } })
  if (!customer) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Sign in as a customer to write a review")
  }
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "items.product_id"],
    filters: { customer_id: customerId },
  })
  const bought = orders.some((order) =>
    (order.items ?? []).some((item: { product_id?: string | null } | null) => item?.product_id === productId)
  )
  const first = customer.first_name?.trim() || "Skinior customer"
  const initial = customer.last_name?.trim()?.[0]
  return { author_name: initial ? `${first} ${initial}.` : first, verified_purchase: bought }
}

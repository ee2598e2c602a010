import { createCustomersWorkflow } from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { REVIEW_MODULE } from "../../modules/review"
import type ReviewModuleService from "../../modules/review/service"
import { createReviewWorkflow } from "../../workflows/create-review"
import type { SeedContext } from "./context"

const REVIEWERS = [
  { email: "lina.haddad@example.com", first_name: "Lina", last_name: "Haddad" },
  { email: "omar.khalil@example.com", first_name: "Omar", last_name: "Khalil" },
  { email: "sara.nasser@example.com", first_name: "Sara", last_name: "Nasser" },
]

type SeedReview = { handle: string; by: number; rating: number; title: string; body: string; status: "approved" | "pending" | "rejected" }

const REVIEWS: SeedReview[] = [
  { handle: "vitamin-c-serum", by: 0, rating: 5, title: "My skin glows", body: "Two weeks in and my dark spots are fading. Absorbs fast, no sticky feel.", status: "approved" },
  { handle: "vitamin-c-serum", by: 1, rating: 4, title: "Works, slight tingle", body: "Noticeably brighter skin. Tingles a little the first days.", status: "approved" },
  { handle: "vitamin-c-serum", by: 2, rating: 5, title: "Holy grail", body: "Best vitamin C I have used in the Amman summer heat.", status: "pending" },
  { handle: "ceramide-barrier-moisturiser", by: 0, rating: 5, title: "Rescued my dry skin", body: "Rich but not greasy; my cheeks stopped flaking.", status: "approved" },
  { handle: "ceramide-barrier-moisturiser", by: 2, rating: 3, title: "Too rich for me", body: "Good for winter, heavy in summer.", status: "approved" },
  { handle: "salicylic-acid-cleanser", by: 1, rating: 4, title: "Clearer pores", body: "Fewer breakouts after a month of evening use.", status: "approved" },
  { handle: "salicylic-acid-cleanser", by: 2, rating: 1, title: "Buy it here!!!", body: "Visit my page for cheaper products.", status: "rejected" },
]

/** Three reviewers and their reviews (approved, pending and rejected). */
export async function seedReviews({ container, report }: SeedContext) {
  const customerModule = container.resolve(Modules.CUSTOMER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service: ReviewModuleService = container.resolve(REVIEW_MODULE)

  const existingCustomers = await customerModule.listCustomers({ email: REVIEWERS.map((r) => r.email) })
  const newCustomers = REVIEWERS.filter((r) => !existingCustomers.some((c) => c.email === r.email))
  if (newCustomers.length) {
    await createCustomersWorkflow(container).run({ input: { customersData: newCustomers } })
  }
  const customers = await customerModule.listCustomers({ email: REVIEWERS.map((r) => r.email) })
  const customerId = (index: number) => customers.find((c) => c.email === REVIEWERS[index].email)!.id

  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "handle"],
    filters: { handle: [...new Set(REVIEWS.map((r) => r.handle))] },
  })
  let created = 0
  for (const review of REVIEWS) {
    const product = products.find((p) => p.handle === review.handle)
    if (!product) continue
    const [existing] = await service.listReviews({ product_id: product.id, customer_id: customerId(review.by) })
    if (existing) continue
    const reviewer = REVIEWERS[review.by]
    await createReviewWorkflow(container).run({
      input: {
        product_id: product.id,
        customer_id: customerId(review.by),
        rating: review.rating,
        title: review.title,
        body: review.body,
        author_name: `${reviewer.first_name} ${reviewer.last_name[0]}.`,
        verified_purchase: false,
        status: review.status,
      },
    })
    created++
  }
  report("reviews", created, REVIEWS.length - created)
}

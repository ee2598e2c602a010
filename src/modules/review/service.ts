import { MedusaService } from "@medusajs/framework/utils"
import Review from "./models/review"

class ReviewModuleService extends MedusaService({ Review }) {
  /** Average rating (one decimal) and count of a product's approved reviews. */
  async summarize(productId: string) {
    const approved = await this.listReviews(
      { product_id: productId, status: "approved" },
      { select: ["rating"], take: null }
    )
    const total = approved.length
    const average = total ? approved.reduce((sum, r) => sum + r.rating, 0) / total : 0
    return { averageRating: Math.round(average * 10) / 10, totalReviews: total }
  }
}

export default ReviewModuleService

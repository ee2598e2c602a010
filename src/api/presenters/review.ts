type ReviewRecord = {
  id: string
  product_id: string
  rating: number
  title: string
  body: string
  author_name: string
  verified_purchase: boolean
  status: string
  created_at: Date | string
  updated_at: Date | string
}

export function presentReview(review: ReviewRecord) {
  return {
    id: review.id,
    productId: review.product_id,
    rating: review.rating,
    title: review.title,
    body: review.body,
    author: review.author_name,
    verifiedPurchase: review.verified_purchase,
    status: review.status,
    createdAt: new Date(review.created_at).toISOString(),
    updatedAt: new Date(review.updated_at).toISOString(),
  }
}

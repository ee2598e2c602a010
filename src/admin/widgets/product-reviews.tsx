import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Select, Table, Text, toast } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { sdk } from "../lib/sdk"

type Review = {
  id: string
  rating: number
  title: string
  body: string
  author_name: string
  verified_purchase: boolean
  status: "pending" | "approved" | "rejected"
  created_at: string
}

const COLOURS = { pending: "orange", approved: "green", rejected: "red" } as const

/** The product's reviews, to approve or reject (only approved ones reach the storefront). */
const ProductReviewsWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const [status, setStatus] = useState<string>("pending")
  const [reviews, setReviews] = useState<Review[]>([])
  const [busy, setBusy] = useState<string | null>(null)

  const load = useCallback(() => {
    const filter = status === "all" ? "" : `&status=${status}`
    sdk.client
      .fetch<{ reviews: Review[] }>(`/admin/reviews?product_id=${product.id}&limit=100${filter}`)
      .then(({ reviews }) => setReviews(reviews))
      .catch((e) => toast.error(`Could not load reviews: ${e.message}`))
  }, [product.id, status])

  useEffect(load, [load])

  const decide = async (id: string, next: Review["status"]) => {
    setBusy(id)
    try {
      await sdk.client.fetch(`/admin/reviews/${id}`, { method: "POST", body: { status: next } })
      toast.success(`Review ${next}`)
      load()
    } catch (e) {
      toast.error((e as Error).message)
    } finally {
      setBusy(null)
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Reviews</Heading>
        <div className="w-40">
          <Select value={status} onValueChange={setStatus}>
            <Select.Trigger>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {["pending", "approved", "rejected", "all"].map((s) => (
                <Select.Item key={s} value={s}>
                  {s}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      </div>
      {reviews.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          No {status === "all" ? "" : status} reviews.
        </Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Rating</Table.HeaderCell>
              <Table.HeaderCell>Review</Table.HeaderCell>
              <Table.HeaderCell>Author</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {reviews.map((review) => (
              <Table.Row key={review.id}>
                <Table.Cell>{"★".repeat(review.rating)}</Table.Cell>
                <Table.Cell>
                  <Text weight="plus" size="small">{review.title}</Text>
                  <Text size="small" className="text-ui-fg-subtle">{review.body}</Text>
                </Table.Cell>
                <Table.Cell>
                  {review.author_name}
                  {review.verified_purchase ? " (bought it)" : ""}
                </Table.Cell>
                <Table.Cell>
                  <Badge color={COLOURS[review.status]}>{review.status}</Badge>
                </Table.Cell>
                <Table.Cell>
                  <div className="flex gap-2">
                    <Button
                      size="small"
                      variant="secondary"
                      disabled={review.status === "approved" || busy === review.id}
                      onClick={() => decide(review.id, "approved")}
                    >
                      Approve
                    </Button>
                    <Button
                      size="small"
                      variant="danger"
                      disabled={review.status === "rejected" || busy === review.id}
                      onClick={() => decide(review.id, "rejected")}
                    >
                      Reject
                    </Button>
                  </div>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "product.details.after",
})

export default ProductReviewsWidget

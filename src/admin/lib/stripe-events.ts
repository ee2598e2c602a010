import { useQuery } from "@tanstack/react-query"
import type { StripeEventStatus } from "../../lib/stripe-events"
import { sdk } from "./sdk"

/** Recorded Stripe events (GET /admin/stripe-events, GET /admin/orders/:id/stripe-events): their state, never their payload. */

export type StripeEventRow = {
  id: string
  event_id: string
  type: string
  object_id: string | null
  order_id: string | null
  status: StripeEventStatus
  attempts: number
  last_error: string | null
  stripe_created_at: string
  processed_at: string | null
  created_at: string
}

const KEY = ["stripe-events"] as const

/** The Stripe events of one order (applied to it, or about its PaymentIntent). */
export const useOrderStripeEvents = (orderId: string, enabled = true) =>
  useQuery({
    queryKey: [...KEY, "order", orderId],
    queryFn: () =>
      sdk.client.fetch<{ stripe_events: StripeEventRow[]; count: number }>(`/admin/orders/${orderId}/stripe-events`),
    enabled,
  })

export type StripeEventsQuery = { status?: StripeEventStatus; type?: string; order_id?: string; limit?: number; offset?: number }

/** Recorded Stripe events, newest first (`status: "failed"`: the ones to look at). */
export const useStripeEvents = (query: StripeEventsQuery = {}) =>
  useQuery({
    queryKey: [...KEY, "list", query],
    queryFn: () =>
      sdk.client.fetch<{ stripe_events: StripeEventRow[]; count: number; limit: number; offset: number }>(
        "/admin/stripe-events",
        { query }
      ),
  })

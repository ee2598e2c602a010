import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ApiError } from "../../lib/errors"

type SessionRecord = { id: string; provider_id: string; status: string; data?: { id?: string } | null }

/** The order's card payment session and its PaymentIntent id; 409 when the order has none to pay. */
export async function cardSessionOf(scope: MedusaContainer, orderId: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "payment_collections.payment_sessions.id",
      "payment_collections.payment_sessions.provider_id",
      "payment_collections.payment_sessions.status",
      "payment_collections.payment_sessions.data",
    ],
    filters: { id: orderId },
  })
  const sessions = ((data[0]?.payment_collections ?? []) as { payment_sessions?: SessionRecord[] | null }[])
    .flatMap((collection) => collection?.payment_sessions ?? [])
    .filter((session) => session?.provider_id?.startsWith("pp_stripe"))
  const session = sessions.find((s) => s.data?.id)
  if (!session?.data?.id) {
    throw new ApiError(409, "CONFLICT", "This order has no card payment to make")
  }
  return { session_id: session.id, intent_id: session.data.id }
}

import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Alert, Container, Copy, Heading, StatusBadge, Table, Text } from "@medusajs/ui"
import { cardPaymentOf, CardPayment } from "../lib/card-payment"
import { StripeEventRow, useOrderStripeEvents } from "../lib/stripe-events"
import { formatMoney } from "../lib/shop-health"

const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : "—")

const EVENT_COLOR: Record<StripeEventRow["status"], "green" | "red" | "blue" | "grey" | "orange"> = {
  processed: "green",
  failed: "red",
  received: "blue",
  recorded: "grey",
  ignored: "orange",
}

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div className="grid grid-cols-2 items-center gap-2 px-6 py-3">
    <Text size="small" weight="plus" className="text-ui-fg-subtle">
      {label}
    </Text>
    <div className="flex items-center gap-1 break-all">{children}</div>
  </div>
)

const Failure = ({ failure }: { failure: NonNullable<CardPayment["failure"]> }) => (
  <div className="px-6 py-3">
    <Alert variant="error">
      <Text weight="plus">Payment failed</Text>
      <Text size="small">
        {[failure.code, failure.decline_code].filter(Boolean).join(" / ") || "no code"}: {failure.message}
      </Text>
      <Text size="small" className="text-ui-fg-subtle">
        {when(failure.at)}
      </Text>
    </Alert>
  </div>
)

const Dispute = ({ dispute }: { dispute: NonNullable<CardPayment["dispute"]> }) => (
  <div className="px-6 py-3">
    <Alert variant="error">
      <Text weight="plus">Disputed</Text>
      <Text size="small">
        {dispute.amount !== null ? formatMoney({ currency: dispute.currency, amount: dispute.amount }) : "Amount unknown"}
        {" — "}reason: {dispute.reason ?? "unknown"}, status: {dispute.status ?? "unknown"}
      </Text>
      <Text size="small" className="text-ui-fg-subtle">
        {dispute.id ?? "no dispute id"} · opened {when(dispute.created_at)} · answer it in the Stripe Dashboard
      </Text>
    </Alert>
  </div>
)

const Events = ({ orderId }: { orderId: string }) => {
  const { data, isLoading, error } = useOrderStripeEvents(orderId)
  if (isLoading) return <Text className="px-6 py-3">Loading Stripe events…</Text>
  if (error) return <Text className="px-6 py-3 text-ui-fg-error">{(error as Error).message}</Text>
  if (!data?.count) return <Text size="small" className="px-6 py-3 text-ui-fg-subtle">No Stripe events recorded yet.</Text>
  return (
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Event</Table.HeaderCell>
          <Table.HeaderCell>Status</Table.HeaderCell>
          <Table.HeaderCell>Tries</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {data.stripe_events.map((event) => (
          <Table.Row key={event.id} title={event.last_error ?? event.event_id}>
            <Table.Cell>
              <Text size="xsmall">{event.type}</Text>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {when(event.created_at)}
              </Text>
              {event.last_error && (
                <Text size="xsmall" className="text-ui-fg-error">
                  {event.last_error}
                </Text>
              )}
            </Table.Cell>
            <Table.Cell>
              <StatusBadge color={EVENT_COLOR[event.status]}>{event.status}</StatusBadge>
            </Table.Cell>
            <Table.Cell>{event.attempts}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}

/** Beside an order paid by card: what Stripe says of its payment, failures and disputes, and the events behind it. */
const OrderCardPaymentWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const card = cardPaymentOf(order)
  if (!card) return null
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Card payment</Heading>
        {card.dispute && <StatusBadge color="red">Disputed</StatusBadge>}
      </div>
      {card.dispute && <Dispute dispute={card.dispute} />}
      {card.failure && <Failure failure={card.failure} />}
      <Row label="Method">
        <Text size="small">Card (Stripe)</Text>
      </Row>
      <Row label="PaymentIntent">
        {card.intent_id ? (
          <>
            <Text size="small" className="font-mono">
              {card.intent_id}
            </Text>
            <Copy content={card.intent_id} />
          </>
        ) : (
          <Text size="small">—</Text>
        )}
      </Row>
      <Row label="Last status">
        <Text size="small">{card.intent_status}</Text>
      </Row>
      {card.timed_out_at && (
        <Row label="Timed out">
          <Text size="small">Cancelled unpaid at {when(card.timed_out_at)}</Text>
        </Row>
      )}
      <div className="px-6 py-3">
        <Text size="small" weight="plus">
          Stripe events
        </Text>
      </div>
      <Events orderId={order.id} />
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
})

export default OrderCardPaymentWidget

import { z } from "@medusajs/framework/zod"

/** Numbers this server gave out (SSE ids); anything else is ignored rather than refused. */
const EVENT_ID = /^\d{1,15}$/

export const OrderEventsQuery = z
  .object({
    // From POST /orders/:id/events/ticket: EventSource cannot send a Bearer token.
    ticket: z.string().min(1).max(200).optional(),
    // Last-Event-ID for a new EventSource (it sends the header only when it reconnects itself).
    lastEventId: z.string().max(20).optional(),
  })
  .strict()
export type OrderEventsQuery = z.infer<typeof OrderEventsQuery>

/** The id after which the client wants events: the Last-Event-ID header, else ?lastEventId=. */
export function lastEventIdOf(header: string | undefined, query: string | undefined): number | undefined {
  const raw = header?.trim() || query?.trim()
  return raw && EVENT_ID.test(raw) ? Number(raw) : undefined
}

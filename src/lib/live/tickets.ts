import { createHash, randomBytes } from "node:crypto"
import { liveBackend } from "./hub"
import type { TicketGrant } from "./backend"

/**
 * EventSource cannot send an Authorization header, so a signed-in customer
 * trades their Bearer token for a ticket that opens one stream of one order:
 * random, valid TICKET_SECONDS, single use. Only its hash is stored.
 */
export const TICKET_SECONDS = 60

const keyOf = (ticket: string) => createHash("sha256").update(ticket).digest("base64url")

export async function issueTicket(grant: TicketGrant) {
  const ticket = `evt_${randomBytes(24).toString("base64url")}`
  await liveBackend().putTicket(keyOf(ticket), grant, TICKET_SECONDS)
  return { ticket, expiresIn: TICKET_SECONDS }
}

/** The ticket's grant, once; null when unknown, used or expired. */
export async function redeemTicket(ticket: string) {
  return liveBackend().takeTicket(keyOf(ticket))
}

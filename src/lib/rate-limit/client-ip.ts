import { MedusaError } from "@medusajs/framework/utils"
import type { IncomingMessage } from "node:http"
import proxyaddr from "proxy-addr"

/** Whether the hop at `addr` (the i-th from the socket) is a proxy we trust to tell X-Forwarded-For. */
export type TrustFn = (addr: string, i: number) => boolean

const TRUST_NONE: TrustFn = () => false

/**
 * TRUST_PROXY read as Express reads its "trust proxy" setting: unset, "" or
 * "false" trusts no proxy (the socket's peer is the client); "true" trusts
 * every hop; a whole number trusts that many hops; otherwise a comma list of
 * addresses, CIDR ranges and the names "loopback", "linklocal", "uniquelocal".
 * An invalid address stops the server at start (proxy-addr throws).
 */
export function compileTrust(raw: string | undefined): TrustFn {
  const value = raw?.trim() ?? ""
  if (value === "" || value.toLowerCase() === "false") return TRUST_NONE
  if (value.toLowerCase() === "true") return () => true
  if (/^\d+$/.test(value)) {
    const hops = Number(value)
    return (_addr, i) => i < hops
  }
  try {
    return proxyaddr.compile(value.split(",").map((part) => part.trim()).filter(Boolean))
  } catch (e) {
    throw new MedusaError(MedusaError.Types.INVALID_ARGUMENT, `TRUST_PROXY: ${(e as Error).message}`)
  }
}

/**
 * The client's address: the socket's peer, or the nearest X-Forwarded-For
 * entry not vouched for by a trusted proxy. Not express' req.ip: Medusa sets
 * express' "trust proxy" to 1 whatever our TRUST_PROXY says, which would let
 * any caller pick its own address. IPv4-mapped IPv6 is shown as IPv4, so one
 * client has one key whichever way it connected.
 */
export function clientIp(req: IncomingMessage, trust: TrustFn): string {
  if (!req.socket?.remoteAddress) return "unknown"
  const addr = proxyaddr(req, trust)
  return addr.startsWith("::ffff:") && addr.includes(".") ? addr.slice(7) : addr
}

import { MedusaError } from "@medusajs/framework/utils"
import type { IncomingMessage } from "node:http"
import { isIPv6 } from "node:net"
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

/** The eight 16-bit groups of an IPv6 address, or undefined when it is not one. */
function ipv6Groups(addr: string): string[] | undefined {
  if (!isIPv6(addr)) return undefined
  const [head, tail] = addr.split("::")
  const part = (text: string | undefined) => (text ? text.split(":") : [])
  let left = part(head)
  let right = tail === undefined ? [] : part(tail)
  // A trailing dotted IPv4 (::ffff:1.2.3.4, 64:ff9b::1.2.3.4) is two groups.
  const last = (right.length ? right : left).at(-1)
  if (last?.includes(".")) {
    const [a, b, c, d] = last.split(".").map(Number)
    const groups = [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)]
    if (right.length) right = [...right.slice(0, -1), ...groups]
    else left = [...left.slice(0, -1), ...groups]
  }
  const missing = 8 - left.length - right.length
  return [...left, ...Array(tail === undefined ? 0 : missing).fill("0"), ...right].map((g) =>
    g.toLowerCase().replace(/^0+(?=.)/, "")
  )
}

/**
 * The key a client is counted under: an IPv4 address itself, an IPv6
 * address's /64 network. One IPv6 subscriber holds a whole /64 (often more)
 * and picks any address in it, so counting single addresses would hand it
 * 2^64 fresh counters.
 */
export function addressKey(addr: string): string {
  if (addr.startsWith("::ffff:") && addr.includes(".")) return addr.slice(7)
  const groups = ipv6Groups(addr)
  return groups ? `${groups.slice(0, 4).join(":")}::/64` : addr
}

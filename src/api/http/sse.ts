import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ApiError } from "../../lib/errors"
import { clientIp as clientAddress, compileTrust } from "../../lib/rate-limit/client-ip"

/**
 * Server-Sent Events plumbing shared by the live routes: the per-IP cap,
 * headers that keep proxies and compression from holding events back,
 * heartbeats, and ending every stream when the process shuts down (Medusa's
 * graceful shutdown waits for open responses, and a stream never ends by
 * itself).
 */

type Registry = { perIp: Map<string, number>; open: Set<() => void>; shutdownHooked: boolean }
const KEY = Symbol.for("skinior.live.streams")
const store = globalThis as unknown as { [KEY]?: Registry }
const registry = (): Registry => (store[KEY] ??= { perIp: new Map(), open: new Set(), shutdownHooked: false })

const positive = (raw: string | undefined, fallback: number) => {
  const value = Number(raw)
  return raw && Number.isFinite(value) && value > 0 ? value : fallback
}
/** Read per request, so an operator (or a test) can change them without a restart of this module. */
export const maxStreamsPerIp = () => Math.floor(positive(process.env.SSE_MAX_CONNECTIONS_PER_IP, 20))
export const heartbeatMs = () => positive(process.env.SSE_HEARTBEAT_SECONDS, 20) * 1000

/** The socket's peer, or X-Forwarded-For as far as TRUST_PROXY trusts it (read as the rate limiter reads it). */
export const clientIp = (req: MedusaRequest) => clientAddress(req, compileTrust(process.env.TRUST_PROXY))

const RETRY_AFTER_SECONDS = 10

/** Takes one of the caller's stream slots (429 RATE_LIMITED when all are open); answers its release. */
export function takeStreamSlot(req: MedusaRequest, res: MedusaResponse): () => void {
  const { perIp } = registry()
  const ip = clientIp(req)
  const open = perIp.get(ip) ?? 0
  if (open >= maxStreamsPerIp()) {
    res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS))
    throw new ApiError(429, "RATE_LIMITED", `Too many open live streams from this address (at most ${maxStreamsPerIp()})`)
  }
  perIp.set(ip, open + 1)
  let released = false
  return () => {
    if (released) return
    released = true
    const left = (perIp.get(ip) ?? 1) - 1
    if (left > 0) perIp.set(ip, left)
    else perIp.delete(ip)
  }
}

/** Ends every open stream of this process (clients reconnect, to another instance, with Last-Event-ID). */
export function closeAllStreams() {
  for (const close of [...registry().open]) close()
}

function hookShutdown() {
  const reg = registry()
  if (reg.shutdownHooked) return
  reg.shutdownHooked = true
  // Beside Medusa's own handlers (which then shut the server down), not instead of them.
  process.on("SIGTERM", closeAllStreams)
  process.on("SIGINT", closeAllStreams)
}

export type SseStream = {
  /** One event; `id` becomes the client's Last-Event-ID. Data is one JSON line. */
  send(event: string, data: unknown, id?: number): void
  /** Runs when the stream ends, whoever ends it. */
  onClose(cleanup: () => void): void
  end(): void
  readonly closed: boolean
}

/** Answers 200 text/event-stream at once and keeps the stream alive with comments. */
export function openStream(req: MedusaRequest, res: MedusaResponse, release: () => void): SseStream {
  const reg = registry()
  const cleanups: (() => void)[] = [release]
  let closed = false
  const flush = () => (res as unknown as { flush?: () => void }).flush?.()
  const write = (chunk: string) => {
    if (closed) return
    res.write(chunk)
    flush()
  }
  const end = () => {
    if (closed) return
    closed = true
    clearInterval(heartbeat)
    reg.open.delete(end)
    for (const cleanup of cleanups) cleanup()
    res.end()
  }

  req.socket.setTimeout(0)
  req.socket.setNoDelay(true)
  res.status(200)
  res.setHeader("Content-Type", "text/event-stream; charset=utf-8")
  res.setHeader("Cache-Control", "no-store")
  res.setHeader("Connection", "keep-alive")
  // nginx and friends buffer responses unless told not to.
  res.setHeader("X-Accel-Buffering", "no")
  res.flushHeaders()
  // How long EventSource waits before reconnecting.
  write("retry: 3000\n\n")

  const heartbeat = setInterval(() => write(": heartbeat\n\n"), heartbeatMs())
  heartbeat.unref()
  res.on("close", end)
  reg.open.add(end)
  hookShutdown()
  // The client may have gone while the route was still reading.
  if (res.destroyed || req.socket.destroyed) end()

  return {
    send(event, data, id) {
      write(`event: ${event}\n${id !== undefined ? `id: ${id}\n` : ""}data: ${JSON.stringify(data)}\n\n`)
    },
    onClose(cleanup) {
      if (closed) cleanup()
      else cleanups.push(cleanup)
    },
    end,
    get closed() {
      return closed
    },
  }
}

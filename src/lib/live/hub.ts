import { EventEmitter } from "node:events"
import { LiveBackend, LiveEvent, LiveMessage, MemoryLiveBackend, RedisLiveBackend } from "./backend"

/**
 * One hub per process: the backend (Redis or memory) and the fan-out of
 * its messages to this process' own streams. Kept on globalThis so every
 * copy of this module (Medusa loads routes and subscribers separately; test
 * files import it again) shares one hub and one Redis subscription.
 */
type Hub = {
  backend: LiveBackend
  emitter: EventEmitter
  listening?: Promise<void>
}

const KEY = Symbol.for("skinior.live.hub")
const store = globalThis as unknown as { [KEY]?: Hub }

export function liveHub(): Hub {
  if (!store[KEY]) {
    const url = process.env.REDIS_URL
    const emitter = new EventEmitter()
    // One listener per open stream and topic: the per-IP cap bounds them, not this.
    emitter.setMaxListeners(0)
    store[KEY] = { backend: url ? new RedisLiveBackend(url) : new MemoryLiveBackend(), emitter }
  }
  return store[KEY]!
}

export const liveBackend = () => liveHub().backend

/** Numbers a topic's new state and sends it to every server's streams; null when it had not changed. */
export async function publishLive(topic: string, data: Record<string, unknown>): Promise<LiveEvent | null> {
  const backend = liveBackend()
  const event = await backend.append(topic, data)
  if (event) {
    await backend.publish({ topic, event })
  }
  return event
}

/** Calls `listener` with each change of `topic` that reaches this process; answers the unsubscribe. */
export async function subscribeLive(topic: string, listener: (event: LiveEvent) => void): Promise<() => void> {
  const hub = liveHub()
  hub.listening ??= hub.backend.listen((message: LiveMessage) => hub.emitter.emit(message.topic, message.event))
  hub.emitter.on(topic, listener)
  try {
    await hub.listening
  } catch (e) {
    hub.emitter.off(topic, listener)
    hub.listening = undefined
    throw e
  }
  return () => hub.emitter.off(topic, listener)
}

export const orderTopic = (orderId: string) => `order:${orderId}`
export const stockTopic = (variantId: string) => `stock:${variantId}`

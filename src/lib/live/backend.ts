import Redis from "ioredis"

/**
 * Where live updates are kept and passed around. A "topic" is one order
 * (`order:{id}`) or one variant's stock (`stock:{id}`); each change of a
 * topic gets the next number of that topic (the SSE `id:`), and the last
 * few changes are kept so a reconnecting client gets what it missed.
 *
 * With REDIS_URL: numbers and rings live in Redis (the worker writes them,
 * every server reads them) and changes travel on one pub/sub channel, to
 * which each server subscribes once. Without it: the same in this process.
 */

export type LiveEvent = { id: number; data: Record<string, unknown> }
export type LiveMessage = { topic: string; event: LiveEvent }
export type TicketGrant = { orderId: string; customerId: string }

export interface LiveBackend {
  /** Numbers and keeps `data` as the topic's next change, unless it equals the last one (then null). */
  append(topic: string, data: Record<string, unknown>): Promise<LiveEvent | null>
  /** The kept changes of a topic (oldest first) and its last number (0: none yet). */
  history(topic: string): Promise<{ seq: number; events: LiveEvent[] }>
  publish(message: LiveMessage): Promise<void>
  /** Starts delivering every published message to `deliver` (once per process). */
  listen(deliver: (message: LiveMessage) => void): Promise<void>
  putTicket(key: string, grant: TicketGrant, ttlSeconds: number): Promise<void>
  /** The grant of a live ticket, which dies with this call (single use). */
  takeTicket(key: string): Promise<TicketGrant | null>
  close(): Promise<void>
}

/** Changes kept per topic for Last-Event-ID resume. */
export const RING_SIZE = 20
/** A topic nobody changed for a day is forgotten (its numbering restarts: clients then get the current state). */
const TOPIC_TTL_SECONDS = 24 * 60 * 60
/** Topics kept in memory at most (the oldest is dropped first). */
const MEMORY_TOPICS = 10_000

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

export class MemoryLiveBackend implements LiveBackend {
  private topics = new Map<string, { seq: number; events: LiveEvent[] }>()
  private tickets = new Map<string, { grant: TicketGrant; until: number }>()
  private deliver?: (message: LiveMessage) => void

  async append(topic: string, data: Record<string, unknown>) {
    const entry = this.topics.get(topic) ?? { seq: 0, events: [] }
    const last = entry.events[entry.events.length - 1]
    if (last && same(last.data, data)) return null
    const event = { id: entry.seq + 1, data }
    entry.seq = event.id
    entry.events = [...entry.events, event].slice(-RING_SIZE)
    // Re-inserted at the end: the Map's first key is the least recently changed topic.
    this.topics.delete(topic)
    this.topics.set(topic, entry)
    if (this.topics.size > MEMORY_TOPICS) {
      this.topics.delete(this.topics.keys().next().value as string)
    }
    return event
  }

  async history(topic: string) {
    const entry = this.topics.get(topic)
    return { seq: entry?.seq ?? 0, events: [...(entry?.events ?? [])] }
  }

  async publish(message: LiveMessage) {
    this.deliver?.(message)
  }

  async listen(deliver: (message: LiveMessage) => void) {
    this.deliver = deliver
  }

  async putTicket(key: string, grant: TicketGrant, ttlSeconds: number) {
    const now = Date.now()
    for (const [k, t] of this.tickets) if (t.until <= now) this.tickets.delete(k)
    this.tickets.set(key, { grant, until: now + ttlSeconds * 1000 })
  }

  async takeTicket(key: string) {
    const ticket = this.tickets.get(key)
    this.tickets.delete(key)
    return ticket && ticket.until > Date.now() ? ticket.grant : null
  }

  async close() {}
}

const PREFIX = "skinior:live:"
const CHANNEL = `${PREFIX}channel`

// Compare-and-append in one step, so two processes never give one change two numbers.
// KEYS: seq, ring. ARGV: data json, ring size, ttl. Answers the new number, or 0 when unchanged.
const APPEND_SCRIPT = `
local last = redis.call("LRANGE", KEYS[2], -1, -1)[1]
if last and cjson.decode(last).data_json == ARGV[1] then return 0 end
local id = redis.call("INCR", KEYS[1])
redis.call("RPUSH", KEYS[2], cjson.encode({ id = id, data_json = ARGV[1] }))
redis.call("LTRIM", KEYS[2], -tonumber(ARGV[2]), -1)
redis.call("EXPIRE", KEYS[1], ARGV[3])
redis.call("EXPIRE", KEYS[2], ARGV[3])
return id
`

export class RedisLiveBackend implements LiveBackend {
  private client: Redis
  private subscriber?: Redis

  constructor(private url: string) {
    this.client = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 })
    this.client.on("error", () => undefined)
  }

  async append(topic: string, data: Record<string, unknown>) {
    const json = JSON.stringify(data)
    const id = Number(
      await this.client.eval(APPEND_SCRIPT, 2, `${PREFIX}${topic}:seq`, `${PREFIX}${topic}:ring`, json, RING_SIZE, TOPIC_TTL_SECONDS)
    )
    return id ? { id, data } : null
  }

  async history(topic: string) {
    const [seq, ring] = await Promise.all([
      this.client.get(`${PREFIX}${topic}:seq`),
      this.client.lrange(`${PREFIX}${topic}:ring`, 0, -1),
    ])
    const events = ring.map((row) => {
      const { id, data_json } = JSON.parse(row) as { id: number; data_json: string }
      return { id, data: JSON.parse(data_json) as Record<string, unknown> }
    })
    return { seq: Number(seq ?? 0), events }
  }

  async publish(message: LiveMessage) {
    await this.client.publish(CHANNEL, JSON.stringify(message))
  }

  async listen(deliver: (message: LiveMessage) => void) {
    if (this.subscriber) return
    // A subscribed connection can do nothing else: it gets its own.
    this.subscriber = new Redis(this.url, { maxRetriesPerRequest: null })
    this.subscriber.on("error", () => undefined)
    this.subscriber.on("message", (channel: string, raw: string) => {
      if (channel !== CHANNEL) return
      try {
        deliver(JSON.parse(raw) as LiveMessage)
      } catch {
        // A malformed message is dropped; the next change carries the whole state again.
      }
    })
    await this.subscriber.subscribe(CHANNEL)
  }

  async putTicket(key: string, grant: TicketGrant, ttlSeconds: number) {
    await this.client.set(`${PREFIX}ticket:${key}`, JSON.stringify(grant), "EX", ttlSeconds)
  }

  async takeTicket(key: string) {
    const raw = await this.client.getdel(`${PREFIX}ticket:${key}`)
    return raw ? (JSON.parse(raw) as TicketGrant) : null
  }

  async close() {
    this.subscriber?.disconnect()
    this.client.disconnect()
  }
}

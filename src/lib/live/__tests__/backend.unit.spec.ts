import { ChildProcess, spawn } from "node:child_process"
import { createServer } from "node:net"
import { LiveBackend, LiveMessage, MemoryLiveBackend, RedisLiveBackend, RING_SIZE } from "../backend"

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })

const until = async (check: () => boolean, timeoutMs = 3000) => {
  const started = Date.now()
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out")
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** The same behaviour from both backends: numbering, dedupe, ring, tickets, delivery. */
function behaves(name: string, make: () => Promise<{ writer: LiveBackend; reader: LiveBackend }>) {
  describe(name, () => {
    let writer: LiveBackend
    let reader: LiveBackend
    beforeAll(async () => {
      ;({ writer, reader } = await make())
    })
    afterAll(async () => {
      await writer.close()
      await reader.close()
    })

    it("numbers changes per topic, skips a repeat of the last state and keeps the last RING_SIZE", async () => {
      const topic = `order:${name}-numbering`
      expect(await reader.history(topic)).toEqual({ seq: 0, events: [] })
      expect(await writer.append(topic, { status: "pending" })).toEqual({ id: 1, data: { status: "pending" } })
      expect(await writer.append(topic, { status: "pending" })).toBeNull()
      expect(await writer.append(topic, { status: "confirmed" })).toEqual({ id: 2, data: { status: "confirmed" } })
      expect(await writer.append(`order:${name}-other`, { status: "pending" })).toEqual({ id: 1, data: { status: "pending" } })
      for (let i = 0; i < RING_SIZE + 5; i++) await writer.append(topic, { step: i })
      const { seq, events } = await reader.history(topic)
      expect(seq).toBe(RING_SIZE + 7)
      expect(events.map((e) => e.id)).toEqual(Array.from({ length: RING_SIZE }, (_, i) => i + 8))
      expect(events[RING_SIZE - 1].data).toEqual({ step: RING_SIZE + 4 })
    })

    it("delivers what one publishes to the other's listener", async () => {
      const got: LiveMessage[] = []
      await reader.listen((m) => got.push(m))
      const message = { topic: `stock:${name}`, event: { id: 3, data: { variantId: "variant_1", inventoryCount: 7, lowStock: true } } }
      await writer.publish(message)
      await until(() => got.length === 1)
      expect(got).toEqual([message])
    })

    it("answers a ticket once, and never after it expires", async () => {
      const grant = { orderId: "order_1", customerId: "cus_1" }
      await writer.putTicket(`${name}-a`, grant, 60)
      expect(await reader.takeTicket(`${name}-a`)).toEqual(grant)
      expect(await reader.takeTicket(`${name}-a`)).toBeNull()
      await writer.putTicket(`${name}-b`, grant, 1)
      await new Promise((r) => setTimeout(r, 1100))
      expect(await reader.takeTicket(`${name}-b`)).toBeNull()
      expect(await reader.takeTicket(`${name}-never`)).toBeNull()
    })
  })
}

behaves("memory", async () => {
  const one = new MemoryLiveBackend()
  return { writer: one, reader: one }
})

// A worker and a server: two connections to one real Redis.
let redis: ChildProcess | undefined
afterAll(() => {
  redis?.kill()
})
behaves("redis", async () => {
  const port = await freePort()
  redis = spawn("redis-server", ["--port", String(port), "--save", "", "--appendonly", "no"], { stdio: "ignore" })
  const url = `redis://127.0.0.1:${port}`
  const probe = new RedisLiveBackend(url)
  for (let i = 0; ; i++) {
    try {
      await probe.history("probe")
      break
    } catch (e) {
      if (i > 50) throw e
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  await probe.close()
  return { writer: new RedisLiveBackend(url), reader: new RedisLiveBackend(url) }
})

import net from "node:net"
import { pingRedis } from "../redis-probe"

/** The smallest Redis a PING needs: answers every command with +PONG. */
function fakeRedis(reply = "+PONG\r\n"): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>()
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on("data", () => socket.write(reply))
    socket.on("close", () => sockets.delete(socket))
  })
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo
      resolve({
        url: `redis://127.0.0.1:${port}`,
        close: () => {
          sockets.forEach((s) => s.destroy())
          return new Promise((done) => server.close(() => done()))
        },
      })
    })
  )
}

describe("pingRedis", () => {
  it("answers true when the server answers PONG", async () => {
    const redis = await fakeRedis()
    await expect(pingRedis(redis.url)).resolves.toBe(true)
    await redis.close()
  })

  it("answers false when the server answers something else", async () => {
    const redis = await fakeRedis("-ERR nope\r\n")
    await expect(pingRedis(redis.url)).resolves.toBe(false)
    await redis.close()
  })

  it("answers false, quickly, when nothing listens", async () => {
    const redis = await fakeRedis()
    await redis.close()
    const started = Date.now()
    await expect(pingRedis(redis.url, 500)).resolves.toBe(false)
    expect(Date.now() - started).toBeLessThan(2000)
  })
})

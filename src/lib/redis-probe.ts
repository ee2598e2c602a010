import Redis from "ioredis"

/**
 * Answers whether a Redis server answers PING within the timeout. A fresh,
 * short-lived connection each time: a health check must not hang on (or
 * keep alive) a connection that Medusa's own modules already own.
 */
export async function pingRedis(url: string, timeoutMs = 1000): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  })
  client.on("error", () => undefined)
  try {
    await client.connect()
    return (await client.ping()) === "PONG"
  } catch {
    return false
  } finally {
    client.disconnect()
  }
}

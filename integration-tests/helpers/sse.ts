import http from "node:http"

export type SseEvent = { event?: string; id?: string; data: any }

export type SseClient = {
  status: number
  headers: http.IncomingHttpHeaders
  /** Events received so far, parsed (data as JSON). */
  events: SseEvent[]
  /** Comment lines received (heartbeats). */
  comments: number
  /** The body of a non-200 answer, parsed as JSON. */
  body?: any
  /** Resolves once `count` events have arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<SseEvent[]>
  /** Resolves when the server ends the stream. */
  ended: Promise<void>
  close(): void
}

/**
 * Opens a Server-Sent Events stream the way EventSource does (a GET with
 * Accept: text/event-stream) and parses the events as they arrive.
 */
export function openSse(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const req = http.get(new URL(path, baseUrl), { headers: { accept: "text/event-stream", ...headers } }, (res) => {
      let buffer = ""
      let endedResolve: () => void = () => {}
      const waiters: (() => void)[] = []
      const client: SseClient = {
        status: res.statusCode ?? 0,
        headers: res.headers,
        events: [],
        comments: 0,
        ended: new Promise<void>((r) => (endedResolve = r)),
        waitFor(count, timeoutMs = 15000) {
          return new Promise((ok, fail) => {
            const check = () => {
              if (client.events.length >= count) {
                clearTimeout(timer)
                ok(client.events.slice(0, count))
                return true
              }
              return false
            }
            const timer = setTimeout(
              () => fail(new Error(`waited for ${count} events, got ${JSON.stringify(client.events)}`)),
              timeoutMs
            )
            const retry = () => {
              if (!check()) waiters.push(retry)
            }
            retry()
          })
        },
        close() {
          req.destroy()
        },
      }
      res.setEncoding("utf8")
      res.on("data", (chunk: string) => {
        buffer += chunk
        if (client.status !== 200) return
        let at: number
        while ((at = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, at)
          buffer = buffer.slice(at + 2)
          const event: SseEvent = { data: undefined }
          let isEvent = false
          for (const line of block.split("\n")) {
            if (line.startsWith(":")) client.comments++
            else if (line.startsWith("event: ")) event.event = line.slice(7)
            else if (line.startsWith("id: ")) event.id = line.slice(4)
            else if (line.startsWith("data: ")) {
              event.data = JSON.parse(line.slice(6))
              isEvent = true
            }
          }
          if (isEvent) client.events.push(event)
        }
        waiters.splice(0).forEach((w) => w())
      })
      res.on("end", () => {
        if (client.status !== 200) client.body = buffer ? JSON.parse(buffer) : undefined
        endedResolve()
        if (client.status !== 200) resolve(client)
      })
      res.on("error", () => endedResolve())
      res.on("close", () => endedResolve())
      if (client.status === 200) resolve(client)
    })
    req.on("error", (e) => {
      if ((e as NodeJS.ErrnoException).code !== "ECONNRESET") reject(e)
    })
  })
}

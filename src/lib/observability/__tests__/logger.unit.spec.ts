import { PassThrough } from "node:stream"
import { createWinston, JsonLogger, logLevelFromEnv } from "../logger"
import { runAsJob, runWithLogContext } from "../log-context"

function capture(level = "http") {
  const stream = new PassThrough()
  const lines: Record<string, unknown>[] = []
  stream.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line))
  })
  const logger = new JsonLogger(createWinston({ level, stream }))
  return { logger, lines, flush: () => new Promise((r) => setImmediate(r)) }
}

describe("JSON logger", () => {
  it("writes one JSON object per line with the request id of the work in progress", async () => {
    const { logger, lines, flush } = capture()
    await runWithLogContext({ request_id: "req_abc" }, async () => {
      await Promise.resolve()
      logger.info("inside a request")
    })
    logger.info("outside")
    await flush()
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatchObject({ level: "info", message: "inside a request", request_id: "req_abc" })
    expect(typeof lines[0].timestamp).toBe("string")
    expect(lines[1].request_id).toBeUndefined()
  })

  it("a job run logs with its job name and its own run id", async () => {
    const { logger, lines, flush } = capture()
    await runAsJob("remove-expired-carts", async () => logger.info("swept"))
    await flush()
    expect(lines[0].job).toBe("remove-expired-carts")
    expect(String(lines[0].job_run_id)).toMatch(/^job_[0-9a-f]{32}$/)
  })

  it("a job run given a logger writes one line saying it ran, with its run id", async () => {
    const { logger, lines, flush } = capture()
    const answer = await runAsJob("release-expired-holds", async () => 7, logger)
    await flush()
    expect(answer).toBe(7)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ level: "info", job: "release-expired-holds" })
    expect(String(lines[0].message)).toMatch(/^Job release-expired-holds ran in \d+ ms$/)
  })

  it("redacts secrets in logged objects and keeps errors' message and stack", async () => {
    const { logger, lines, flush } = capture()
    logger.log("info", "login", { email: "a@b.c", password: "hunter22", nested: { authorization: "Bearer x", card: { number: "4242" } } })
    logger.error("Saving failed", new Error("boom"))
    await flush()
    expect(lines[0]).toMatchObject({ email: "a@b.c", password: "[redacted]", nested: { authorization: "[redacted]", card: "[redacted]" } })
    expect(lines[1].message).toBe("Saving failed: boom")
    expect(String(lines[1].stack)).toContain("Error: boom")
  })

  it("levels come from LOG_LEVEL (unknown values fall back to http)", async () => {
    expect(logLevelFromEnv("WARN")).toBe("warn")
    expect(logLevelFromEnv("loud")).toBe("http")
    expect(logLevelFromEnv(undefined)).toBe("http")
    const { logger, lines, flush } = capture("warn")
    logger.info("quiet")
    logger.warn("heard")
    await flush()
    expect(lines.map((l) => l.message)).toEqual(["heard"])
    expect(logger.shouldLog("error")).toBe(true)
    expect(logger.shouldLog("info")).toBe(false)
  })

  it("activities are lines with an activity id and a duration", async () => {
    const { logger, lines, flush } = capture()
    const id = logger.activity("Loading")
    logger.success(id, "Loaded")
    await flush()
    expect(lines[0]).toMatchObject({ message: "Loading", activity_id: id })
    expect(lines[1]).toMatchObject({ message: "Loaded", activity_id: id })
    expect(typeof lines[1].duration).toBe("number")
  })
})

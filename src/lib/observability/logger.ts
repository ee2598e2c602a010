import type { Logger } from "@medusajs/framework/types"
import { randomUUID } from "node:crypto"
import winston from "winston"
import { currentLogContext } from "./log-context"

/**
 * The application logger handed to Medusa (`logger` in medusa-config), so
 * Medusa's own lines, our routes, workflows, subscribers and jobs all write
 * one JSON object per line with the request (or job run) id of the work that
 * wrote it. Medusa's stock logger writes JSON only outside development and
 * knows no request id; its access line (morgan) does carry `request_id`.
 *
 * LOG_LEVEL: error, warn, info, http (default, as Medusa), verbose, debug, silly.
 * LOG_FORMAT=pretty: coloured single lines for a developer's terminal.
 * LOG_FILE: also append the JSON lines to this file.
 */

const LEVELS = winston.config.npm.levels
const DEFAULT_LEVEL = "http"
// Caller-supplied text (error messages quoting input) stays bounded.
const MAX_MESSAGE = 4000
// Keys whose values never reach a log, wherever they appear in an object logged.
const SECRET_KEY = /pass(word)?|secret|token|authorization|cookie|card|cvc|cvv|iban|api[_-]?key/i

export function logLevelFromEnv(value = process.env.LOG_LEVEL): string {
  const level = (value ?? "").trim().toLowerCase()
  return level in LEVELS ? level : DEFAULT_LEVEL
}

const withContext = winston.format((info) => {
  const context = currentLogContext()
  if (context) {
    for (const [key, value] of Object.entries(context)) {
      if (value !== undefined && info[key] === undefined) info[key] = value
    }
  }
  return info
})

function redact(value: unknown, depth = 0): unknown {
  if (!value || typeof value !== "object" || depth > 4) return value
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? "[redacted]" : redact(v, depth + 1)
  }
  return out
}

const safe = winston.format((info) => {
  for (const key of Object.keys(info)) {
    if (key === "level" || key === "message") continue
    info[key] = SECRET_KEY.test(key) ? "[redacted]" : redact(info[key])
  }
  if (typeof info.message === "string" && info.message.length > MAX_MESSAGE) {
    info.message = `${info.message.slice(0, MAX_MESSAGE)}…`
  }
  return info
})

export function createWinston(options: { level?: string; pretty?: boolean; file?: string; stream?: NodeJS.WritableStream } = {}) {
  const json = winston.format.combine(winston.format.timestamp(), winston.format.errors({ stack: true }), winston.format.json())
  const transports: winston.transport[] = [
    options.stream
      ? new winston.transports.Stream({ stream: options.stream, format: json })
      : new winston.transports.Console({
          format: options.pretty ? winston.format.combine(winston.format.colorize(), winston.format.simple()) : json,
        }),
  ]
  if (options.file) transports.push(new winston.transports.File({ filename: options.file, format: json }))
  return winston.createLogger({
    level: options.level ?? DEFAULT_LEVEL,
    levels: LEVELS,
    format: winston.format.combine(withContext(), safe(), winston.format.splat()),
    transports,
  })
}

/** Medusa's Logger interface over a winston logger. Activities are plain lines with an activity id (no spinners). */
export class JsonLogger implements Logger {
  private readonly activities = new Map<string, number>()

  constructor(private readonly winston: winston.Logger) {}

  shouldLog = (level: string): boolean => {
    const wanted = (LEVELS as Record<string, number>)[level]
    const current = (LEVELS as Record<string, number>)[this.winston.level]
    return wanted !== undefined && current !== undefined && wanted <= current
  }

  setLogLevel(level: string) {
    this.winston.level = logLevelFromEnv(level)
  }

  unsetLogLevel() {
    this.winston.level = logLevelFromEnv()
  }

  panic(data: unknown) {
    const message = (data as { error?: { message?: string } })?.error?.message ?? "panic"
    this.winston.log({ level: "error", message })
    process.exit(1)
  }

  activity(message: string, config?: unknown): string {
    const id = `act_${randomUUID().replace(/-/g, "")}`
    this.activities.set(id, Date.now())
    this.winston.log({ level: "info", message, activity_id: id, ...(config ? { config } : {}) })
    return id
  }

  progress(activityId: string, message: string) {
    this.winston.log({ level: "info", message, activity_id: activityId })
  }

  private finish(activityId: string, level: string, message: string) {
    const start = this.activities.get(activityId)
    this.activities.delete(activityId)
    const duration = start === undefined ? undefined : Date.now() - start
    this.winston.log({ level, message, activity_id: activityId, duration })
    return { start, duration }
  }

  failure(activityId: string, message: string) {
    return this.finish(activityId, "error", message)
  }

  success(activityId: string, message: string) {
    return this.finish(activityId, "info", message)
  }

  error(messageOrError: string | Error, error?: Error) {
    const err = messageOrError instanceof Error ? messageOrError : error
    const text = messageOrError instanceof Error ? "" : String(messageOrError ?? "")
    const message = err ? (text ? `${text}: ${err.message}` : err.message) : text
    this.winston.log({ level: "error", message, ...(err?.stack ? { stack: err.stack } : {}) })
  }

  silly(message: string) {
    this.winston.log({ level: "silly", message })
  }
  debug(message: string) {
    this.winston.log({ level: "debug", message })
  }
  verbose(message: string) {
    this.winston.log({ level: "verbose", message })
  }
  http(message: string) {
    this.winston.log({ level: "http", message })
  }
  info(message: string) {
    this.winston.log({ level: "info", message })
  }
  warn(message: string) {
    this.winston.log({ level: "warn", message })
  }

  /** Medusa calls log(message) or winston-style log(level, message, meta). */
  log(...args: unknown[]) {
    if (args.length > 1 && typeof args[0] === "string" && args[0] in LEVELS) {
      const [level, message, meta] = args as [string, unknown, unknown]
      this.winston.log({ level, message: String(message), ...(meta && typeof meta === "object" ? meta : {}) })
      return
    }
    this.winston.log({ level: "info", message: String(args[0]) })
  }
}

export function createAppLogger(): JsonLogger {
  return new JsonLogger(
    createWinston({
      level: logLevelFromEnv(),
      pretty: process.env.LOG_FORMAT === "pretty",
      file: process.env.LOG_FILE || undefined,
    })
  )
}

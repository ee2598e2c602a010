import { AsyncLocalStorage } from "node:async_hooks"
import { randomUUID } from "node:crypto"

/**
 * What every log line of one unit of work carries: the HTTP request id, or
 * the id of a job run. Kept in AsyncLocalStorage so workflows, steps and
 * services called from a request log with its id without passing it along.
 */
export type LogContext = { request_id?: string; job?: string; job_run_id?: string }

const storage = new AsyncLocalStorage<LogContext>()

export const currentLogContext = (): LogContext | undefined => storage.getStore()

export function runWithLogContext<T>(context: LogContext, fn: () => T): T {
  return storage.run(context, fn)
}

/** Runs a scheduled job under its own id, so its lines (and its workflows') can be told apart. */
export function runAsJob<T>(job: string, fn: () => Promise<T>): Promise<T> {
  return storage.run({ job, job_run_id: `job_${randomUUID().replace(/-/g, "")}` }, fn)
}

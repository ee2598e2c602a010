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

type InfoLogger = { info: (message: string) => void }

/**
 * Runs a scheduled job under its own id, so its lines (and its workflows') can
 * be told apart. With a logger, each run also writes one "job ran" line: the
 * evidence that, with several instances, a job runs once and in the worker.
 */
export function runAsJob<T>(job: string, fn: () => Promise<T>, logger?: InfoLogger): Promise<T> {
  return storage.run({ job, job_run_id: `job_${randomUUID().replace(/-/g, "")}` }, async () => {
    const started = Date.now()
    const result = await fn()
    logger?.info(`Job ${job} ran in ${Date.now() - started} ms`)
    return result
  })
}

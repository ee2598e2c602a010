import { lockLease } from "../../lib/locks"
import { createHash } from "node:crypto"
import { finished } from "node:stream"
import type {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { ApiError, validationError } from "../../lib/errors"
import { IDEMPOTENCY_MODULE } from "../../modules/idempotency"
import type IdempotencyModuleService from "../../modules/idempotency/service"

const KEEP_MS = 24 * 60 * 60 * 1000
const SANE_KEY = /^[A-Za-z0-9._:-]{1,255}$/
// A retry waits this long for the first request with its key to finish.
const WAIT_SECONDS = 30

const hashOf = (body: unknown) => createHash("sha256").update(JSON.stringify(body ?? null)).digest("hex")

/**
 * `Idempotency-Key` with Stripe's semantics (DESIGN.md "Orders and
 * payments"): the same key and body within 24 hours answers the first answer
 * again without doing the work twice; the same key with another body is a
 * 409. A retry that arrives while the first is running waits for it. Answers
 * of 500 and above are not kept, so a retry after a failure runs again.
 */
export function idempotent() {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const key = req.get("idempotency-key")
    if (key === undefined) return next()
    if (!SANE_KEY.test(key)) {
      return next(
        validationError("Invalid Idempotency-Key", [
          { field: "Idempotency-Key", message: "Idempotency-Key must be 1-255 letters, digits or . _ : -" },
        ])
      )
    }
    const actor = (req as AuthenticatedMedusaRequest).auth_context?.actor_id ?? "guest"
    const scope = `${req.method} ${req.path} ${actor}`
    const requestHash = hashOf(req.body)
    const records: IdempotencyModuleService = req.scope.resolve(IDEMPOTENCY_MODULE)
    let entered = false
    req.scope
      .resolve(Modules.LOCKING)
      .execute(
        `idempotency:${scope}:${key}`,
        async () => {
          entered = true
          const [kept] = await records.listIdempotencyRecords({ key, scope, expires_at: { $gt: new Date() } })
          if (kept) {
            if (kept.request_hash !== requestHash) {
              return next(new ApiError(409, "CONFLICT", "This Idempotency-Key was used with another request body"))
            }
            res.setHeader("Idempotent-Replayed", "true")
            res.status(kept.response_status).json(kept.response_body)
            return
          }
          const json = res.json.bind(res)
          let answer: { status: number; body: unknown } | undefined
          res.json = (body: unknown) => {
            answer = { status: res.statusCode, body }
            return json(body)
          }
          const done = new Promise<void>((resolve) => finished(res, () => resolve()))
          next()
          await done
          if (answer && answer.status < 500) {
            // An expired record of the same key and scope makes way for the new one.
            await records.deleteIdempotencyRecords({ key, scope })
            await records.createIdempotencyRecords({
              key,
              scope,
              request_hash: requestHash,
              response_status: answer.status,
              response_body: answer.body as Record<string, unknown>,
              expires_at: new Date(Date.now() + KEEP_MS),
            })
          }
        },
        { timeout: WAIT_SECONDS, ...lockLease() }
      )
      .catch((e: unknown) => {
        if (!entered) {
          return next(new ApiError(409, "CONFLICT", "A request with this Idempotency-Key is still running; retry shortly"))
        }
        req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`idempotency record for ${scope}: ${(e as Error).message}`)
      })
  }
}

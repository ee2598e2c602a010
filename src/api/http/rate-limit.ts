import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { ApiLoader } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ApiError } from "../../lib/errors"
import {
  Decision,
  RateLimitConfig,
  rateLimitConfigFromEnv,
  refusalMessage,
  ShopRateLimits,
  Verdict,
} from "../../lib/rate-limit"
import { apiCors } from "./cors"
import { isContractPath } from "./error-handler"
import { applyRequestContext } from "./request-context"

type Progress = { beforeAuth?: boolean; headline?: Decision }
const PROGRESS = Symbol.for("skinior.rate-limit.progress")
type Tracked = MedusaRequest & { [PROGRESS]?: Progress }

let config: RateLimitConfig | undefined
let limits: Promise<ShopRateLimits> | undefined
const limitsConfig = () => (config ??= rateLimitConfigFromEnv())

// A fresh Redis connection needs a moment: the first requests wait for it (at
// most this long) rather than pass uncounted with a "fail open" warning.
const FIRST_CONNECTION_WAIT_MS = 1_000

// The store (and its Redis connection) is made on the first request, with
// Medusa's logger: importing the routes opens no connection.
function limitsFor(req: MedusaRequest): Promise<ShopRateLimits> {
  if (!limits) {
    const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
    const created = ShopRateLimits.fromConfig(limitsConfig(), logger)
    limits = created.store.ready(FIRST_CONNECTION_WAIT_MS).then(() => created)
  }
  return limits
}

const seconds = (ms: number) => Math.max(Math.ceil(ms / 1000), 0)

/** RateLimit-* headers of the limit nearest its end; on a refusal, 429 RATE_LIMITED in the path's error shape. */
function apply(verdict: Verdict, req: Tracked, res: MedusaResponse, next: MedusaNextFunction) {
  const progress = (req[PROGRESS] ??= {})
  if (verdict.afterAnswer) {
    const afterAnswer = verdict.afterAnswer
    res.once("finish", () => afterAnswer(res.statusCode))
  }
  const headline = verdict.headline
  if (headline && (verdict.refused || !progress.headline || headline.remaining < progress.headline.remaining)) {
    progress.headline = headline
    res.setHeader("RateLimit-Limit", String(headline.limit))
    res.setHeader("RateLimit-Remaining", String(headline.remaining))
    res.setHeader("RateLimit-Reset", String(seconds(headline.resetMs)))
  }
  if (!verdict.refused) return next()
  res.setHeader("Retry-After", String(Math.max(seconds(verdict.refused.resetMs), 1)))
  // Refused before Medusa's own middlewares ran: give the answer its request id and headers here.
  applyRequestContext(req, res)
  const error = new ApiError(429, "RATE_LIMITED", refusalMessage(verdict.refused, limitsConfig().windowSeconds))
  // Browsers only read a 429 of /api/v1 that carries the CORS headers.
  if (isContractPath(req.path)) return apiCors(req, res, () => next(error))
  next(error)
}

/**
 * The limits a request's address, path and admin key decide. Mounted ahead
 * of body parsing and of Medusa's authentication (see installBeforeAuthentication);
 * runs once per request.
 */
export async function limitBeforeAuthentication(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const tracked = req as Tracked
  const progress = (tracked[PROGRESS] ??= {})
  if (progress.beforeAuth) return next()
  progress.beforeAuth = true
  let verdict: Verdict
  try {
    verdict = await (await limitsFor(req)).beforeAuth(req)
  } catch (e) {
    return next(e)
  }
  apply(verdict, tracked, res, next)
}

/**
 * After body parsing: the per-email limit of the auth routes. Also runs the
 * address limits if they have not run yet (should Medusa stop mounting the
 * early hook), so no request escapes them.
 */
export async function limitAfterBodyParsing(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const tracked = req as Tracked
  if (!tracked[PROGRESS]?.beforeAuth) {
    return limitBeforeAuthentication(req, res, (err?: unknown) =>
      err ? next(err) : limitAfterBodyParsing(req, res, next)
    )
  }
  let verdict: Verdict
  try {
    verdict = await (await limitsFor(req)).byEmail(req)
  } catch (e) {
    return next(e)
  }
  apply(verdict, tracked, res, next)
}

type Tracer = NonNullable<typeof ApiLoader.traceMiddleware>
type Middleware = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown
const INSTALLED = Symbol.for("skinior.rate-limit.installed")

/**
 * Medusa's API loader mounts, in this order: its body parsers on "/", then
 * CORS and `authenticate` for /admin and /store (where a secret key costs a
 * scrypt), then the middlewares of src/api/middlewares.ts, then the routes
 * (node_modules/@medusajs/framework/dist/http/router.js, `load`). So our
 * middlewares all run after authentication. The loader's one hook that sees
 * every middleware it mounts, ApiLoader.traceMiddleware (meant for tracing,
 * and set by instrumentation.ts when there is one: we keep that tracer in the
 * chain), lets the limiter run in front of the first one, the JSON body parser
 * on "/". It is set while the loader imports this file, before it mounts the
 * parsers, so it holds from the first request on.
 */
export function installBeforeAuthentication() {
  const loader = ApiLoader as unknown as { traceMiddleware?: Tracer; [INSTALLED]?: boolean }
  if (loader[INSTALLED]) return
  loader[INSTALLED] = true
  const previous = loader.traceMiddleware
  let placed = false
  loader.traceMiddleware = (handler, route) => {
    const traced = previous ? previous(handler, route) : handler
    if (placed || route.route !== "/") return traced
    placed = true
    const first = traced as Middleware
    return function limitThenParse(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
      void limitBeforeAuthentication(req, res, (err?: unknown) => (err ? next(err) : first(req, res, next)))
    }
  }
}

/** The rate limits (DESIGN.md "Rate limits"), spread into src/api/middlewares.ts. */
export function rateLimitMiddlewares(): MiddlewareRoute[] {
  // Read now: a bad value stops the server at start, not at its first request.
  config = rateLimitConfigFromEnv()
  installBeforeAuthentication()
  return [{ matcher: "/", middlewares: [limitAfterBodyParsing] }]
}

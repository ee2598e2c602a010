import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import type { JsonAnswer } from "../../lib/catalogue-cache"
import { etagOf } from "../../lib/etag"
import { answerKeyOfUrl, cachedAnswerOfUrl, rememberAnswerOfUrl } from "../utils/catalogue"
import { rememberedChannelOf } from "../utils/sales-channel"
import { findRoute } from "./route-index"

// A CDN may keep a catalogue answer 30 s and serve it stale for a minute more
// while it revalidates; browsers always revalidate (max-age=0), which costs a
// 304 when nothing changed. An Admin edit thus reaches shoppers within ~90 s.
const SHARED_MAX_AGE_SECONDS = 30
const STALE_WHILE_REVALIDATE_SECONDS = 60

export const PUBLIC_CACHE_CONTROL =
  `public, max-age=0, s-maxage=${SHARED_MAX_AGE_SECONDS}, stale-while-revalidate=${STALE_WHILE_REVALIDATE_SECONDS}`
export const PRIVATE_CACHE_CONTROL = "private, no-store"

/**
 * If-None-Match compares weakly (RFC 9110 §13.1.2): a W/ prefix on either
 * side does not matter, a list matches when any tag does, `*` matches any.
 */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "")
  const ours = opaque(etag)
  return header.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === ours)
}

/**
 * Every answer of ours starts private: carts, orders, customers, auth, holds,
 * checkout, webhooks and every error. Only publicCatalogue makes one public.
 */
export function privateAnswers(_req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  res.setHeader("Cache-Control", PRIVATE_CACHE_CONTROL)
  next()
}

const REMEMBER = Symbol.for("skinior.catalogue.remember-answer")
type Remembering = MedusaResponse & { [REMEMBER]?: (answer: JsonAnswer) => void }

/**
 * Answers a cached JSON text with the ETag stored beside it, so the hit path
 * neither serialises nor hashes (publicCatalogue keeps a tag already set).
 * When serveCachedCatalogue missed, the answer is also kept under its URL.
 */
export function sendJsonAnswer(res: MedusaResponse, answer: JsonAnswer) {
  ;(res as Remembering)[REMEMBER]?.(answer)
  res.setHeader("ETag", answer.etag)
  res.type("application/json").send(answer.json)
}

/**
 * The headers of a public answer (ETag, public Cache-Control, Vary on the
 * publishable key, which picks the sales channel, hence the stock shown);
 * true when the request's If-None-Match already holds this version.
 */
function publicAnswer(req: MedusaRequest, res: MedusaResponse, etag: string): boolean {
  res.setHeader("ETag", etag)
  res.setHeader("Cache-Control", PUBLIC_CACHE_CONTROL)
  res.vary("x-publishable-api-key")
  return ifNoneMatchHits(req.headers["if-none-match"], etag)
}

function notModified(res: MedusaResponse) {
  res.status(304)
  res.removeHeader("Content-Type")
  res.removeHeader("Content-Length")
  res.end()
  return res
}

/**
 * Read-only answers that are the same for everyone: a 200 gets the public
 * Cache-Control and a strong ETag of its exact body (the route's own when it
 * set one), and a matching If-None-Match gets 304 with the same headers and
 * no body. Anything else (errors) keeps privateAnswers' no-store.
 */
export function publicCatalogue(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  // "/products/:id" also matches "/products/search": wrap once.
  if ((req.method !== "GET" && req.method !== "HEAD") || res.locals.publicCatalogue) return next()
  res.locals.publicCatalogue = true
  const send = res.send
  // res.json and res.send(object) come back here with the serialised string.
  res.send = function (this: MedusaResponse, body?: unknown) {
    if (res.statusCode !== 200 || !(typeof body === "string" || Buffer.isBuffer(body))) {
      return send.call(this, body)
    }
    const given = res.getHeader("ETag")
    const etag = typeof given === "string" ? given : etagOf(body)
    if (publicAnswer(req, res, etag)) return notModified(res)
    return send.call(this, body)
  } as MedusaResponse["send"]
  next()
}

// The routes whose answers depend on nothing but the URL and the sales channel.
const ANSWERED_BY_URL = new Set(["/api/v1/products", "/api/v1/products/search", "/api/v1/products/:id"])

/**
 * A catalogue answer already sent for this very URL and sales channel is sent
 * again from here, before express walks the rest of its stack (several hundred
 * layers) and without validating the query or looking up the channel again:
 * the URL and channel decided that answer. Runs after every /api/v1-wide
 * middleware (request id, security headers, CORS, rate limits, database guard,
 * input guard, unknown routes). Only while the channel of the publishable key
 * is remembered (≤ 30 s), so a revoked key is refused as soon as it would be
 * on the full path; on a miss the route's answer is kept for the next time.
 */
export async function serveCachedCatalogue(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (req.method !== "GET") return next()
  const found = findRoute(req, req.originalUrl.split("?")[0])
  const pattern = found?.layer.route?.path
  if (typeof pattern !== "string" || !ANSWERED_BY_URL.has(pattern)) return next()
  const channelId = rememberedChannelOf(req)
  if (!channelId) return next()
  const key = answerKeyOfUrl(req.originalUrl, channelId)
  let hit: JsonAnswer | undefined
  try {
    hit = await cachedAnswerOfUrl(req.scope, key)
  } catch (e) {
    return next(e)
  }
  if (!hit) {
    ;(res as Remembering)[REMEMBER] = (answer) => {
      if (res.statusCode === 200) void rememberAnswerOfUrl(req.scope, key, answer)
    }
    return next()
  }
  // What express sets when its route runs: the metrics label the route's pattern.
  req.route = found!.layer.route
  if (publicAnswer(req, res, hit.etag)) return notModified(res)
  res.setHeader("Content-Type", "application/json; charset=utf-8")
  res.setHeader("Content-Length", Buffer.byteLength(hit.json))
  res.end(hit.json)
}

/** The public, read-only routes under /api/v1, spread into src/api/middlewares.ts. */
export const publicCatalogueMiddlewares: MiddlewareRoute[] = [
  // Without methods: Medusa mounts it with the /api/v1-wide middlewares, after them, ahead of every route.
  { matcher: "/api/v1/products", middlewares: [serveCachedCatalogue] },
  ...[
    "/api/v1/products",
    "/api/v1/products/search",
    "/api/v1/products/:id",
    "/api/v1/products/:id/reviews",
  ].map((matcher) => ({ matcher, methods: ["GET" as const], middlewares: [publicCatalogue] })),
]

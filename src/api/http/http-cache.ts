import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import type { JsonAnswer } from "../../lib/catalogue-cache"
import { etagOf } from "../../lib/etag"

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

/**
 * Answers a cached JSON text with the ETag stored beside it, so the hit path
 * neither serialises nor hashes (publicCatalogue keeps a tag already set).
 */
export function sendJsonAnswer(res: MedusaResponse, answer: JsonAnswer) {
  res.setHeader("ETag", answer.etag)
  res.type("application/json").send(answer.json)
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
    res.setHeader("ETag", etag)
    res.setHeader("Cache-Control", PUBLIC_CACHE_CONTROL)
    // The publishable key picks the sales channel, hence the stock shown.
    res.vary("x-publishable-api-key")
    if (ifNoneMatchHits(req.get("if-none-match"), etag)) {
      res.status(304)
      res.removeHeader("Content-Type")
      res.removeHeader("Content-Length")
      res.end()
      return res
    }
    return send.call(this, body)
  } as MedusaResponse["send"]
  next()
}

/** The public, read-only routes under /api/v1, spread into src/api/middlewares.ts. */
export const publicCatalogueMiddlewares: MiddlewareRoute[] = [
  "/api/v1/products",
  "/api/v1/products/search",
  "/api/v1/products/:id",
  "/api/v1/products/:id/reviews",
].map((matcher) => ({ matcher, methods: ["GET"], middlewares: [publicCatalogue] }))

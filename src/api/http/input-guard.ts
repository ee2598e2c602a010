import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ErrorDetail, validationError } from "../../lib/errors"
import {
  MAX_ID_LENGTH,
  printable,
  UNSAFE_TEXT_MESSAGES,
  unsafeText,
  validPercentEncoding,
} from "../../lib/text-safety"
import { apiCors } from "./cors"
import { isContractPath } from "./error-handler"
import { findRoute } from "./route-index"

// Medusa's own path segments are ids and provider names; a handle or id
// beyond this is no input a storefront sends.
const MAX_MEDUSA_SEGMENT = 255
// Enough to name every bad field a careless client sends, bounded so the
// answer stays small whatever the body.
const MAX_DETAILS = 20

/** The express route that will serve the request, and the raw value of each of its params. */
function routeParams(req: MedusaRequest, path: string): { name: string; raw: string }[] | undefined {
  const found = findRoute(req, path)
  if (!found) return undefined
  const { layer, match } = found
  return (layer.keys ?? []).flatMap((key, i) =>
    match[i + 1] === undefined ? [] : [{ name: String(key.name), raw: match[i + 1] }]
  )
}

function decode(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw)
  } catch {
    return undefined
  }
}

/**
 * One raw path segment or param: UTF-8 escapes, no NUL, surrogate or control
 * character, bounded. Unlike a query, a path with a stray `%` is refused:
 * express would fail to decode it into a param, and Medusa answers that 500.
 */
function checkSegment(field: string, raw: string, limit: number): ErrorDetail[] {
  const value = decode(raw)
  if (value === undefined) {
    return [{ field, message: `${field} must be percent-encoded UTF-8 text` }]
  }
  const unsafe = unsafeText(value, { controls: true })
  if (unsafe) return [{ field, message: `${field} ${UNSAFE_TEXT_MESSAGES[unsafe]}` }]
  if (value.length > limit) return [{ field, message: `${field} must be at most ${limit} characters` }]
  return []
}

function checkPath(req: MedusaRequest, path: string, contract: boolean): ErrorDetail[] {
  const params = contract ? routeParams(req, path) : undefined
  if (params) {
    // Ids are bounded before any lookup, so no message can echo a long one.
    return params.flatMap(({ name, raw }) => checkSegment(name, raw, MAX_ID_LENGTH))
  }
  // Unknown /api/v1 routes answer their 404; Medusa's routes get a bound per segment.
  const limit = contract ? Infinity : MAX_MEDUSA_SEGMENT
  for (const segment of path.split("/")) {
    const details = checkSegment("path", segment, limit)
    if (details.length) return details
  }
  return []
}

/** Broken escapes in the raw query, named by their parameter. */
function checkQueryEncoding(rawQuery: string): ErrorDetail[] {
  for (const pair of rawQuery.split("&")) {
    const [rawKey, rawValue = ""] = pair.split(/=(.*)/s)
    if (validPercentEncoding(rawKey) && validPercentEncoding(rawValue)) continue
    const key = validPercentEncoding(rawKey) ? decode(rawKey.replace(/\+/g, " ")) ?? rawKey : "query"
    const field = printable(key) || "query"
    return [{ field, message: `${field} must be percent-encoded UTF-8 text` }]
  }
  return []
}

const join = (prefix: string, key: string | number) =>
  prefix ? `${prefix}.${printable(String(key))}` : printable(String(key))

/**
 * Every string and key of a parsed body or query, walked without recursion
 * (a 1 MB body may nest deeply), in document order.
 */
export function* walkStrings(
  value: unknown,
  prefix = ""
): Generator<{ field: string; text: string; isKey: boolean; path: string[] }> {
  const stack: { value: unknown; field: string; path: string[] }[] = [{ value, field: prefix, path: [] }]
  while (stack.length) {
    const { value: current, field, path } = stack.pop()!
    if (typeof current === "string") {
      yield { field, text: current, isKey: false, path }
    } else if (current && typeof current === "object") {
      const entries = Object.entries(current as Record<string, unknown>)
      const children: typeof stack = []
      for (const [key, child] of entries) {
        const childField = join(field, key)
        if (!Array.isArray(current)) yield { field: childField, text: key, isKey: true, path }
        children.push({ value: child, field: childField, path: [...path, key] })
      }
      stack.push(...children.reverse())
    }
  }
}

/** No client's body nests this deep; walking a deeper one costs time for nothing. */
export const MAX_NESTING = 32

/** True when a parsed value nests deeper than `max` objects/arrays (stops at the first too deep). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length) {
    const [current, depth] = stack.pop()!
    if (!current || typeof current !== "object") continue
    if (depth >= max) return true
    for (const child of Object.values(current as Record<string, unknown>)) {
      if (child && typeof child === "object") stack.push([child, depth + 1])
    }
  }
  return false
}

function checkDepth(source: unknown, field: string): ErrorDetail[] {
  return nestsDeeperThan(source, MAX_NESTING)
    ? [{ field, message: `${field} nests deeper than ${MAX_NESTING} levels` }]
    : []
}

function checkValues(source: unknown, prefix: string): ErrorDetail[] {
  const details: ErrorDetail[] = []
  for (const { field, text, isKey } of walkStrings(source, prefix)) {
    const unsafe = unsafeText(text)
    if (unsafe) {
      const what = isKey ? "field names" : field
      details.push({ field: field || prefix || "body", message: `${what} ${UNSAFE_TEXT_MESSAGES[unsafe]}` })
      if (details.length >= MAX_DETAILS) break
    }
  }
  return details
}

/** Medusa's error shape names the fields in its one message. */
export function medusaInvalid(details: ErrorDetail[]): MedusaError {
  const listed = details.slice(0, 5).map((d) => (d.message.startsWith(d.field) ? d.message : `${d.field}: ${d.message}`))
  return new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${listed.join("; ")}`)
}

/**
 * Refuses what PostgreSQL cannot store and no client means to send: NUL
 * bytes and unpaired surrogates anywhere in the path, query or body, broken
 * percent-encoding, control characters in path segments, and /api/v1 path
 * ids over 100 characters. Mounted on the bare prefixes (/api/v1, /store,
 * /auth) so express has not yet decoded any path param: a broken escape would
 * otherwise be a URIError, which Medusa's error handler answers with a 500.
 * Body parsing runs before every route middleware, so `req.body` is ready.
 */
export function rejectUnsafeInput(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const [path, rawQuery = ""] = req.originalUrl.split(/\?(.*)/s)
  const contract = isContractPath(path)
  let details = checkPath(req, path, contract)
  if (!details.length) details = checkQueryEncoding(rawQuery)
  if (!details.length) details = checkDepth(req.query, "query")
  if (!details.length) details = checkDepth(req.body, "body")
  if (!details.length) details = checkValues(req.query, "")
  if (!details.length && req.body && typeof req.body === "object") details = checkValues(req.body, "")
  if (!details.length && typeof req.body === "string") details = checkValues({ body: req.body }, "")
  if (!details.length) return next()
  if (!contract) return next(medusaInvalid(details))
  // The contract's answers carry CORS headers like every other /api/v1 answer.
  const error = validationError("Invalid input data", details.slice(0, MAX_DETAILS))
  apiCors(req, res, () => next(error))
}

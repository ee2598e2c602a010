import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { AUDITED_CHANGE_METHODS, type AuditActorType } from "../modules/audit/vocabulary"

/** What Medusa's authenticate middleware leaves on the request (framework/http). */
type AuthContext = { actor_id?: string; actor_type?: string } | undefined

/**
 * Who made the request. Medusa marks a secret-key request with actor_type
 * "api-key" and the key's id as actor_id; a session or JWT carries "user".
 */
export function auditActorOf(auth: AuthContext): { actor_type: AuditActorType; actor_id: string | null } {
  if (!auth?.actor_id) return { actor_type: "anonymous", actor_id: null }
  if (auth.actor_type === "api-key") return { actor_type: "api_key", actor_id: auth.actor_id }
  if (auth.actor_type === "user") return { actor_type: "user", actor_id: auth.actor_id }
  if (auth.actor_type === "customer") return { actor_type: "customer", actor_id: auth.actor_id }
  return { actor_type: "anonymous", actor_id: null }
}

/** Changes are always audited; any request made with a secret key is a key use and audited too. */
export function isAudited(method: string, auth: AuthContext): boolean {
  return AUDITED_CHANGE_METHODS.includes(method) || auth?.actor_type === "api-key"
}

const MAX_IDS = 50
const looksLikeId = (v: unknown): v is string => typeof v === "string" && v.length > 0 && v.length <= 100

// Medusa's batch answers: { created: [...], updated: [...], deleted: { ids } }.
// Other arrays in an answer are lists (a whole table sent back), not what changed.
const BATCH_KEYS = ["created", "updated"]

/**
 * The entities an act touched: the route's params (/admin/products/:id) and
 * the answer's top-level objects ({ product: { id } }, { id, deleted }, a
 * batch's created/updated/deleted). Only ids: an answer's other values never
 * leave it.
 */
export function entityIdsOf(params: Record<string, unknown> | undefined, body: unknown): string[] {
  const ids: string[] = []
  for (const value of Object.values(params ?? {})) {
    if (looksLikeId(value)) ids.push(value)
  }
  if (body && typeof body === "object" && !Array.isArray(body)) {
    const top = body as Record<string, unknown>
    if (looksLikeId(top.id)) ids.push(top.id)
    for (const [name, value] of Object.entries(top)) {
      if (Array.isArray(value)) {
        if (!BATCH_KEYS.includes(name)) continue
        for (const item of value.slice(0, MAX_IDS)) {
          if (item && typeof item === "object" && looksLikeId((item as any).id)) ids.push((item as any).id)
        }
      } else if (value && typeof value === "object") {
        if (looksLikeId((value as any).id)) ids.push((value as any).id)
        if (name === "deleted" && Array.isArray((value as any).ids)) {
          ids.push(...(value as any).ids.slice(0, MAX_IDS).filter(looksLikeId))
        }
      }
    }
  }
  return [...new Set(ids)].slice(0, MAX_IDS)
}

/**
 * What may be said about a request without quoting it: the body's top-level
 * field NAMES (never values: a password, token or address stays out of the
 * log), and on failure the error's type, never its message (messages can
 * quote the caller's input).
 */
export function auditDetailsOf(reqBody: unknown, status: number, resBody: unknown): Record<string, unknown> | null {
  const details: Record<string, unknown> = {}
  if (reqBody && typeof reqBody === "object" && !Array.isArray(reqBody)) {
    const fields = Object.keys(reqBody)
      .slice(0, MAX_IDS)
      .map((k) => k.slice(0, 64))
    if (fields.length) details.fields = fields
  }
  if (status >= 400 && resBody && typeof resBody === "object") {
    const type = (resBody as any).type ?? (resBody as any).error?.code
    if (typeof type === "string") details.error_type = type.slice(0, 64)
  }
  return Object.keys(details).length ? details : null
}

/** ":name" segments of a plain pattern, read off the path (Medusa's routes have no optional or regex params). */
function paramsOf(pattern: string, path: string): Record<string, string> {
  const names = pattern.split("/")
  const values = path.split("/")
  const params: Record<string, string> = {}
  if (names.length !== values.length) return params
  names.forEach((name, i) => {
    if (name.startsWith(":")) {
      try {
        params[name.slice(1)] = decodeURIComponent(values[i])
      } catch {
        params[name.slice(1)] = values[i]
      }
    }
  })
  return params
}

type RouteLayer = {
  route?: { path: unknown; _handles_method(m: string): boolean }
  match(path: string): boolean
  params?: Record<string, unknown>
}

/**
 * The route pattern and params a request was answered under. Express leaves
 * the last route it ran on `req.route` (the handler, when it was reached);
 * a request refused earlier (401 by Medusa's auth) is matched against the
 * app's routes instead, as express would have.
 */
export function routeOf(req: {
  route?: { path?: unknown }
  baseUrl?: string
  path: string
  method: string
  params?: Record<string, unknown>
  app?: { _router?: { stack?: RouteLayer[] } }
}): { pattern: string; params: Record<string, unknown> } {
  const path = `${req.baseUrl ?? ""}${req.path}`
  if (typeof req.route?.path === "string" && !req.route.path.includes("*")) {
    // Not req.params: after an error, express has moved on to the error
    // handler's layer, which has none.
    const pattern = `${req.baseUrl ?? ""}${req.route.path}`
    return { pattern, params: paramsOf(pattern, path) }
  }
  for (const layer of req.app?._router?.stack ?? []) {
    if (!layer.route || typeof layer.route.path !== "string" || layer.route.path.includes("*")) continue
    if (!layer.route._handles_method(req.method)) continue
    if (layer.match(path)) return { pattern: layer.route.path, params: { ...(layer.params ?? {}) } }
  }
  return { pattern: path, params: {} }
}

// Once a minute per key and process; the update's own condition keeps several
// processes to about once a minute per key as well.
const KEY_USE_INTERVAL_MS = 60_000
const lastKeyUse = new Map<string, number>()

/**
 * Sets api_key.last_used_at, which Medusa shows in Admin but never sets. The
 * api-key module's update only takes a title, so this is one guarded UPDATE.
 * Returns false when throttled.
 */
export async function noteKeyUse(container: MedusaContainer, keyId: string, now = Date.now()): Promise<boolean> {
  const last = lastKeyUse.get(keyId)
  if (last !== undefined && now - last < KEY_USE_INTERVAL_MS) return false
  if (lastKeyUse.size > 10_000) lastKeyUse.clear()
  lastKeyUse.set(keyId, now)
  const pg = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  await pg.raw(
    `update api_key set last_used_at = now()
      where id = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')`,
    [keyId]
  )
  return true
}

/** Tests: forget the throttle. */
export function resetKeyUseThrottle() {
  lastKeyUse.clear()
}

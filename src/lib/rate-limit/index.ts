import type { IncomingMessage } from "node:http"
import { addressKey, clientIp } from "./client-ip"
import { RateLimitConfig } from "./config"
import { emailKey, presentedAdminKey } from "./keys"
import { countRefused } from "./metrics"
import { createRateLimitStore, Decision, Limit, RateLimitStore, WarnLogger } from "./store"

export { rateLimitConfigFromEnv } from "./config"
export type { RateLimitConfig } from "./config"
export type { Decision } from "./store"

/** What the limiter needs of a request: a Node request plus express' path and parsed body. */
export type LimitedRequest = IncomingMessage & {
  /** The path without the query, as express gives it at the app's root. */
  path: string
  body?: unknown
}

/**
 * The limits that passed or refused one request. `refused` is set when one
 * limit is over: the caller answers 429. `headline` is the limit the
 * RateLimit-* headers describe (the refusing one, else the one nearest its
 * end). `afterAnswer` counts what the answer showed (a failed admin key).
 */
export type Verdict = {
  refused?: Decision
  headline?: Decision
  afterAnswer?: (status: number) => void
}

const PASS: Verdict = {}

type RouteKind = { perIp: boolean; auth: boolean; emailField?: "email" | "identifier"; admin: boolean }

// Express matches routes case-insensitively and with or without a trailing slash.
const normalize = (path: string) => {
  const lower = path.toLowerCase()
  return lower.length > 1 && lower.endsWith("/") ? lower.slice(0, -1) : lower
}
const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`)

const PER_IP_PREFIXES = ["/api/v1", "/store", "/auth"]
// Load balancers and monitors poll health; it reads nothing a client could abuse.
const EXEMPT = new Set(["/api/v1/health"])

// Login, registration and password reset (asking for the email, and setting
// the new password), ours and Medusa's for customers and admin users. The
// value names the body field holding the email, when there is one.
const OUR_AUTH_ROUTES = new Map<string, RouteKind["emailField"]>([
  ["/api/v1/auth/login", "email"],
  ["/api/v1/customers", "email"],
  ["/api/v1/auth/password-reset", "email"],
  ["/api/v1/auth/password-reset/confirm", undefined],
])
const MEDUSA_AUTH_ROUTE = /^\/auth\/(?:customer|user)\/emailpass(?:\/(register|reset-password|update))?$/

/** Which limits apply to a request, from its method and path alone. */
export function classifyRoute(method: string, rawPath: string): RouteKind {
  const path = normalize(rawPath)
  const kind: RouteKind = { perIp: false, auth: false, admin: under(path, "/admin") }
  // A CORS preflight is answered by the CORS middleware and reaches no route.
  if (method === "OPTIONS") return kind
  kind.perIp = PER_IP_PREFIXES.some((prefix) => under(path, prefix)) && !EXEMPT.has(path)
  if (method === "POST" && OUR_AUTH_ROUTES.has(path)) {
    kind.auth = true
    kind.emailField = OUR_AUTH_ROUTES.get(path)
  }
  const medusa = MEDUSA_AUTH_ROUTE.exec(path)
  if (medusa) {
    kind.auth = true
    kind.emailField = medusa[1] === "update" ? undefined : medusa[1] === "reset-password" ? "identifier" : "email"
  }
  return kind
}

/** The decision the headers describe: a refusal first, else the one with the fewest requests left. */
function headlineOf(decisions: (Decision | undefined)[]): Verdict {
  const known = decisions.filter((d): d is Decision => !!d)
  if (!known.length) return PASS
  const refusals = known.filter((d) => !d.allowed)
  if (refusals.length) {
    // The refusal that lasts longest is the one a client must wait out.
    const refused = refusals.reduce((a, b) => (b.resetMs > a.resetMs ? b : a))
    return { refused, headline: refused }
  }
  return { headline: known.reduce((a, b) => (b.remaining < a.remaining ? b : a)) }
}

/**
 * The shop's rate limits (DESIGN.md "Rate limits"): per client IP across
 * /api/v1, /store and /auth; per IP and per email on login, registration and
 * password reset; per admin secret key; and a budget of failed secret-key
 * authentications per IP, checked before authenticating, so a burst of bogus
 * `sk_` keys costs a counter read each instead of a scrypt each.
 */
export class ShopRateLimits {
  private readonly perIp?: Limit
  private readonly authIp?: Limit
  private readonly authEmail?: Limit
  private readonly adminKey?: Limit
  private readonly adminKeyFailures?: Limit

  constructor(
    private readonly config: RateLimitConfig,
    readonly store: RateLimitStore
  ) {
    const make = (name: Parameters<RateLimitStore["limit"]>[0], points: number) =>
      points > 0 ? store.limit(name, points) : undefined
    this.perIp = make("ip", config.perIp)
    this.authIp = make("auth-ip", config.auth)
    this.authEmail = make("auth-email", config.auth)
    this.adminKey = make("admin-key", config.adminKey)
    this.adminKeyFailures = make("admin-key-failures", config.adminKeyFailures)
  }

  static fromConfig(config: RateLimitConfig, logger: WarnLogger): ShopRateLimits {
    const anyOn = config.perIp || config.auth || config.adminKey || config.adminKeyFailures
    const store = createRateLimitStore({
      // With every limit off (tests, benches) no Redis connection is opened.
      redisUrl: anyOn ? config.redisUrl : undefined,
      keyPrefix: config.keyPrefix,
      windowSeconds: config.windowSeconds,
      logger,
    })
    return new ShopRateLimits(config, store)
  }

  /** The client's counter key: its IPv4 address or its IPv6 /64. */
  clientKey(req: LimitedRequest): string {
    return addressKey(clientIp(req, this.config.trustProxy))
  }

  /**
   * Before body parsing and authentication: the limits a request's address,
   * path and presented admin key decide.
   */
  async beforeAuth(req: LimitedRequest): Promise<Verdict> {
    const route = classifyRoute(req.method ?? "GET", req.path)
    if (route.admin) return this.admin(req)
    if (!route.perIp && !route.auth) return PASS
    const ip = this.clientKey(req)
    const decisions = await Promise.all([
      route.perIp ? this.perIp?.consume(ip) : undefined,
      route.auth ? this.authIp?.consume(ip) : undefined,
    ])
    return this.counted(headlineOf(decisions))
  }

  /** After body parsing, on the auth routes whose body names an email: the per-email limit. */
  async byEmail(req: LimitedRequest): Promise<Verdict> {
    if (!this.authEmail) return PASS
    const route = classifyRoute(req.method ?? "GET", req.path)
    if (!route.auth || !route.emailField) return PASS
    const body = req.body as Record<string, unknown> | undefined
    const key = emailKey(body && typeof body === "object" ? body[route.emailField] : undefined)
    if (!key) return PASS
    return this.counted(headlineOf([await this.authEmail.consume(key)]))
  }

  private async admin(req: LimitedRequest): Promise<Verdict> {
    if (!this.adminKey && !this.adminKeyFailures) return PASS
    const key = presentedAdminKey(req.headers.authorization)
    if (!key) return PASS
    const ip = this.clientKey(req)
    if (this.adminKeyFailures) {
      const failures = await this.adminKeyFailures.peek(ip)
      if (failures && !failures.allowed) return this.counted({ refused: failures, headline: failures })
    }
    const verdict = headlineOf([await this.adminKey?.consume(key)])
    const failures = this.adminKeyFailures
    if (failures) {
      // Medusa answers 401 for an unknown or revoked key: one more failure for this address.
      verdict.afterAnswer = (status) => {
        if (status === 401) void failures.consume(ip)
      }
    }
    return this.counted(verdict)
  }

  private counted(verdict: Verdict): Verdict {
    if (verdict.refused) countRefused(verdict.refused.name)
    return verdict
  }

  close() {
    return this.store.close()
  }
}

const WHO: Record<Decision["name"], string> = {
  ip: "requests from this address",
  "auth-ip": "sign-in, registration or password-reset attempts from this address",
  "auth-email": "sign-in, registration or password-reset attempts for this email",
  "admin-key": "requests with this API key",
  "admin-key-failures": "failed API key attempts from this address",
}

/** The message of a 429: which limit, its figure, and when to come back. */
export function refusalMessage(refused: Decision, windowSeconds: number): string {
  const retry = Math.max(Math.ceil(refused.resetMs / 1000), 1)
  return `Too many ${WHO[refused.name]} (at most ${refused.limit} per ${windowSeconds} seconds); retry in ${retry} seconds`
}

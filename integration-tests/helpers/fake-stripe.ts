/**
 * A local fake of the slice of Stripe's HTTP API that checkout uses, for tests:
 * Stripe cannot be reached from here, and the real SDK (Medusa's nested
 * stripe@15 or the hoisted stripe@19) is pointed at it with { host, port, protocol: "http" }.
 * It keeps Stripe's wire format (form-encoded bracket params in, JSON out),
 * error shapes, idempotency replay and test-card outcomes, so code under test
 * takes the same paths it would take against Stripe.
 */
import http from "node:http"
import type { AddressInfo } from "node:net"
import qs from "qs"
import Stripe from "stripe"
import { AUTHENTICATION_FAILURE, TEST_CARDS, isTestCard, paymentMethodObject } from "./fake-stripe-cards"
import {
  StripeFail, bool, canonical, checkAmount, fail, int, invalid, mergeMetadata, missing, newId, now, oneOf, str, token,
  type Json, type Params,
} from "./fake-stripe-params"

export type Intent = {
  id: string
  object: "payment_intent"
  amount: number
  amount_capturable: number
  amount_received: number
  currency: string
  status: string
  client_secret: string
  metadata: Record<string, string>
  capture_method: string
  customer: string | null
  payment_method: string | null
  payment_method_types: string[]
  setup_future_usage: string | null
  description: string | null
  latest_charge: string | null
  last_payment_error: Json | null
  next_action: Json | null
  cancellation_reason: string | null
  canceled_at: number | null
  created: number
  livemode: false
}
export type Refund = Json & { id: string; amount: number; payment_intent: string }
export type Customer = Json & { id: string; metadata: Record<string, string> }
export type FakeStripe = {
  port: number
  close(): Promise<void>
  intents: Map<string, Intent>
  refunds: Map<string, Refund>
  customers: Map<string, Customer>
  calls: Array<{ method: string; path: string; idempotencyKey?: string }>
  /** Confirms that actually ran for an intent (idempotent replays do not count). */
  confirmCount(intentId: string): number
  /** Completes the 3-D Secure challenge of an intent in requires_action. */
  authenticate(intentId: string, outcome: "succeed" | "fail"): Intent
  reset(): void
}

// The API version Medusa's stripe@15 speaks; events are rendered in it.
const EVENT_API_VERSION = "2024-04-10"
const BODY_LIMIT = 256 * 1024
const ID = "([A-Za-z0-9_]{1,255})"

type Saved = { method: string; path: string; params: string; status: number; body: Json }

function createState() {
  return {
    intents: new Map<string, Intent>(),
    refunds: new Map<string, Refund>(),
    customers: new Map<string, Customer>(),
    setupIntents: new Map<string, Json>(),
    attached: new Map<string, Set<string>>(), // customer id -> payment method ids
    confirms: new Map<string, number>(),
    idempotency: new Map<string, Saved>(),
    calls: [] as FakeStripe["calls"],
  }
}
type State = ReturnType<typeof createState>

/** Stripe's payment_intent_unexpected_state error; it carries the intent, as Medusa's provider expects. */
const unexpectedState = (intent: Intent, lead: string, done: string, allowed: string) =>
  fail(400, "invalid_request_error",
    `${lead} because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be ${done}: ${allowed}.`,
    { code: "payment_intent_unexpected_state", payment_intent: { ...intent } })

function getIntent(s: State, id: string): Intent {
  const intent = s.intents.get(id)
  if (!intent) throw missing("payment_intent", id, "intent", 404)
  return intent
}
function checkCustomer(s: State, id: string | undefined) {
  if (id !== undefined && !s.customers.has(id)) throw missing("customer", id, "customer")
  return id
}
function checkPaymentMethod(id: string | undefined) {
  if (id !== undefined && !isTestCard(id)) throw missing("PaymentMethod", id, "payment_method")
  return id
}
function attach(s: State, pm: string, customer: string) {
  const set = s.attached.get(customer) ?? new Set<string>()
  s.attached.set(customer, set.add(pm))
}

/** An intent as the API answers it, with the `expand[]` fields it supports. */
function present(s: State, intent: Intent, p: Params) {
  const expand = Array.isArray(p.expand) ? p.expand : []
  const out: Json = { ...intent, metadata: { ...intent.metadata } }
  if (expand.includes("payment_method") && intent.payment_method) {
    out.payment_method = paymentMethodObject(intent.payment_method, null)
  }
  if (expand.includes("customer") && intent.customer) out.customer = s.customers.get(intent.customer) ?? null
  return out
}

/** A successful authorization: captured at once, or held for capture (manual). */
function settle(s: State, intent: Intent) {
  intent.next_action = null
  intent.last_payment_error = null
  intent.latest_charge = newId("ch")
  if (intent.capture_method === "manual") {
    intent.status = "requires_capture"
    intent.amount_capturable = intent.amount
  } else {
    intent.status = "succeeded"
    intent.amount_received = intent.amount
  }
  if (intent.setup_future_usage && intent.customer && intent.payment_method) {
    attach(s, intent.payment_method, intent.customer)
  }
}

function confirm(s: State, intent: Intent, pm: string) {
  s.confirms.set(intent.id, (s.confirms.get(intent.id) ?? 0) + 1)
  intent.payment_method = pm
  const outcome = TEST_CARDS[pm].outcome
  if (outcome.kind === "approve") return settle(s, intent)
  if (outcome.kind === "authenticate") {
    intent.status = "requires_action"
    intent.last_payment_error = null
    intent.next_action = { type: "use_stripe_sdk", use_stripe_sdk: { type: "three_d_secure_redirect", source: newId("src") } }
    return
  }
  // A decline: the failed charge stays on record and the intent waits for another payment method.
  const charge = newId("ch")
  const { code, decline_code, message } = outcome
  intent.latest_charge = charge
  intent.status = "requires_payment_method"
  intent.payment_method = null
  intent.next_action = null
  intent.last_payment_error = {
    charge, code, decline_code, doc_url: `https://stripe.com/docs/error-codes/${code.replace(/_/g, "-")}`,
    message, payment_method: paymentMethodObject(pm, null), type: "card_error",
  }
  throw new StripeFail(402, { ...intent.last_payment_error, payment_intent: { ...intent } })
}

function confirmable(s: State, intent: Intent, p: Params) {
  if (!["requires_payment_method", "requires_confirmation", "requires_action"].includes(intent.status)) {
    throw unexpectedState(intent, "You cannot confirm this PaymentIntent", "confirmed", "requires_payment_method, requires_confirmation, requires_action")
  }
  const pm = checkPaymentMethod(str(p, "payment_method", 255)) ?? intent.payment_method
  if (!pm) {
    throw invalid("You cannot confirm this PaymentIntent because it's missing a payment method. Update the PaymentIntent with a payment method and then confirm it again.", "payment_method", "payment_intent_unexpected_state")
  }
  const sfu = oneOf(p, "setup_future_usage", ["off_session", "on_session"])
  if (sfu) intent.setup_future_usage = sfu
  confirm(s, intent, pm)
  return present(s, intent, p)
}

function createIntent(s: State, p: Params) {
  const amount = int(p, "amount")
  if (amount === undefined) throw invalid("Missing required param: amount.", "amount", "parameter_missing")
  const currency = str(p, "currency", 3)?.toLowerCase()
  if (!currency) throw invalid("Missing required param: currency.", "currency", "parameter_missing")
  if (!/^[a-z]{3}$/.test(currency)) throw invalid(`Invalid currency: ${currency}`, "currency")
  checkAmount(amount, currency)
  const pm = checkPaymentMethod(str(p, "payment_method", 255)) ?? null
  const types = Array.isArray(p.payment_method_types) ? p.payment_method_types.map(String).slice(0, 20) : ["card"]
  const id = newId("pi")
  const intent: Intent = {
    id, object: "payment_intent", amount, amount_capturable: 0, amount_received: 0, currency,
    status: pm ? "requires_confirmation" : "requires_payment_method",
    client_secret: `${id}_secret_${token(25)}`,
    metadata: mergeMetadata({}, p),
    capture_method: oneOf(p, "capture_method", ["automatic", "automatic_async", "manual"]) ?? "automatic",
    customer: checkCustomer(s, str(p, "customer", 255)) ?? null,
    payment_method: pm, payment_method_types: types,
    setup_future_usage: oneOf(p, "setup_future_usage", ["off_session", "on_session"]) ?? null,
    description: str(p, "description", 1000) ?? null,
    latest_charge: null, last_payment_error: null, next_action: null,
    cancellation_reason: null, canceled_at: null, created: now(), livemode: false,
  }
  if (bool(p, "confirm") && !pm) {
    throw invalid("You cannot confirm this PaymentIntent because it's missing a payment method.", "payment_method", "payment_intent_unexpected_state")
  }
  s.intents.set(id, intent) // kept even when the confirm below declines, like Stripe
  if (bool(p, "confirm")) confirm(s, intent, pm!)
  return present(s, intent, p)
}

function updateIntent(s: State, intent: Intent, p: Params) {
  if (intent.status === "succeeded" || intent.status === "canceled") {
    throw unexpectedState(intent, "This PaymentIntent could not be updated", "updated", "requires_payment_method, requires_confirmation, requires_action, requires_capture")
  }
  const amount = int(p, "amount")
  const currency = str(p, "currency", 3)?.toLowerCase() ?? intent.currency
  if (amount !== undefined || currency !== intent.currency) checkAmount(amount ?? intent.amount, currency)
  const pm = checkPaymentMethod(str(p, "payment_method", 255))
  const customer = checkCustomer(s, str(p, "customer", 255))
  const metadata = mergeMetadata(intent.metadata, p)
  const description = str(p, "description", 1000)
  const sfu = oneOf(p, "setup_future_usage", ["off_session", "on_session"])
  const captureMethod = oneOf(p, "capture_method", ["automatic", "automatic_async", "manual"])
  Object.assign(intent, {
    amount: amount ?? intent.amount, currency, metadata,
    ...(customer !== undefined && { customer }),
    ...(description !== undefined && { description }),
    ...(sfu !== undefined && { setup_future_usage: sfu }),
    ...(captureMethod !== undefined && { capture_method: captureMethod }),
  })
  if (pm) Object.assign(intent, { payment_method: pm, status: "requires_confirmation", next_action: null })
  return present(s, intent, p)
}

function capture(s: State, intent: Intent, p: Params) {
  if (intent.status !== "requires_capture") throw unexpectedState(intent, "This PaymentIntent could not be captured", "captured", "requires_capture")
  const amount = int(p, "amount_to_capture") ?? intent.amount_capturable
  if (amount < 1 || amount > intent.amount_capturable) {
    throw invalid(`The amount to capture must be between 1 and ${intent.amount_capturable}.`, "amount_to_capture")
  }
  Object.assign(intent, { status: "succeeded", amount_received: amount, amount_capturable: 0 })
  return present(s, intent, p)
}

function cancel(s: State, intent: Intent, p: Params) {
  const reason = oneOf(p, "cancellation_reason", ["duplicate", "fraudulent", "requested_by_customer", "abandoned"])
  if (intent.status === "succeeded" || intent.status === "canceled") {
    throw unexpectedState(intent, "You cannot cancel this PaymentIntent", "canceled", "requires_payment_method, requires_capture, requires_confirmation, requires_action, processing")
  }
  Object.assign(intent, {
    status: "canceled", cancellation_reason: reason ?? null, canceled_at: now(), amount_capturable: 0, next_action: null,
  })
  return present(s, intent, p)
}

const refundedOf = (s: State, intentId: string) =>
  [...s.refunds.values()].filter((r) => r.payment_intent === intentId).reduce((sum, r) => sum + r.amount, 0)

function createRefund(s: State, p: Params) {
  const charge = str(p, "charge", 255)
  const piId = str(p, "payment_intent", 255) ?? [...s.intents.values()].find((i) => charge && i.latest_charge === charge)?.id
  if (!piId) throw invalid("One of the following params should be provided for this request: payment_intent or charge.", "payment_intent", "parameter_missing")
  const intent = s.intents.get(piId)
  if (!intent) throw missing("payment_intent", piId, "payment_intent")
  const requested = int(p, "amount")
  if (requested !== undefined && requested < 1) throw invalid("This value must be greater than or equal to 1.", "amount", "parameter_invalid_integer")
  if (intent.status !== "succeeded") {
    throw fail(400, "invalid_request_error", `This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, { code: "charge_not_refundable" })
  }
  const left = intent.amount_received - refundedOf(s, intent.id)
  if (left <= 0) {
    throw fail(400, "invalid_request_error", `Charge ${intent.latest_charge} has already been refunded.`, { code: "charge_already_refunded", charge: intent.latest_charge })
  }
  const amount = requested ?? left
  if (amount > left) {
    throw fail(400, "invalid_request_error", `Refund amount (${amount} ${intent.currency}) is greater than unrefunded amount on charge (${left} ${intent.currency})`, { param: "amount" })
  }
  const refund: Refund = {
    id: newId("re"), object: "refund", amount, balance_transaction: newId("txn"), charge: intent.latest_charge,
    created: now(), currency: intent.currency, metadata: mergeMetadata({}, p), payment_intent: intent.id,
    reason: oneOf(p, "reason", ["duplicate", "fraudulent", "requested_by_customer"]) ?? null, status: "succeeded",
  }
  s.refunds.set(refund.id, refund)
  return refund
}

function getCustomer(s: State, id: string) {
  const customer = s.customers.get(id)
  if (!customer) throw missing("customer", id, "id", 404)
  return customer
}
function writeCustomer(s: State, p: Params, existing?: Customer) {
  const fields: Json = {}
  for (const [name, max] of [["email", 512], ["name", 256], ["phone", 20], ["description", 350]] as const) {
    const v = str(p, name, max)
    if (v !== undefined) fields[name] = v === "" ? null : v
  }
  const customer: Customer = existing ?? {
    id: newId("cus"), object: "customer", created: now(), livemode: false, metadata: {},
    email: null, name: null, phone: null, description: null, invoice_settings: { default_payment_method: null },
  }
  Object.assign(customer, fields, { metadata: mergeMetadata(customer.metadata, p) })
  s.customers.set(customer.id, customer)
  return customer
}

function createSetupIntent(s: State, p: Params) {
  const customer = checkCustomer(s, str(p, "customer", 255)) ?? null
  const pm = checkPaymentMethod(str(p, "payment_method", 255)) ?? null
  const id = newId("seti")
  const intent: Json = {
    id, object: "setup_intent", client_secret: `${id}_secret_${token(25)}`, created: now(), customer, livemode: false,
    metadata: mergeMetadata({}, p), payment_method: pm, usage: oneOf(p, "usage", ["off_session", "on_session"]) ?? "off_session",
    status: pm ? "requires_confirmation" : "requires_payment_method", next_action: null, last_setup_error: null,
  }
  s.setupIntents.set(id, intent)
  if (bool(p, "confirm") && pm) {
    const outcome = TEST_CARDS[pm].outcome
    if (outcome.kind === "decline") {
      const { code, decline_code, message } = outcome
      Object.assign(intent, { status: "requires_payment_method", payment_method: null, last_setup_error: { code, decline_code, message, type: "card_error" } })
      throw new StripeFail(402, { code, decline_code, message, type: "card_error", setup_intent: { ...intent } })
    }
    if (outcome.kind === "authenticate") Object.assign(intent, { status: "requires_action", next_action: { type: "use_stripe_sdk" } })
    else {
      intent.status = "succeeded"
      if (customer) attach(s, pm, customer)
    }
  }
  return intent
}

type Handler = (s: State, p: Params, id: string) => Json
const routes: Array<[string, RegExp, Handler]> = [
  ["POST", /^\/v1\/payment_intents$/, (s, p) => createIntent(s, p)],
  ["GET", new RegExp(`^/v1/payment_intents/${ID}$`), (s, p, id) => present(s, getIntent(s, id), p)],
  ["POST", new RegExp(`^/v1/payment_intents/${ID}$`), (s, p, id) => updateIntent(s, getIntent(s, id), p)],
  ["POST", new RegExp(`^/v1/payment_intents/${ID}/confirm$`), (s, p, id) => confirmable(s, getIntent(s, id), p)],
  ["POST", new RegExp(`^/v1/payment_intents/${ID}/capture$`), (s, p, id) => capture(s, getIntent(s, id), p)],
  ["POST", new RegExp(`^/v1/payment_intents/${ID}/cancel$`), (s, p, id) => cancel(s, getIntent(s, id), p)],
  ["POST", /^\/v1\/refunds$/, (s, p) => createRefund(s, p)],
  ["POST", /^\/v1\/customers$/, (s, p) => writeCustomer(s, p)],
  ["POST", new RegExp(`^/v1/customers/${ID}$`), (s, p, id) => writeCustomer(s, p, getCustomer(s, id))],
  ["DELETE", new RegExp(`^/v1/customers/${ID}$`), (s, _p, id) => {
    getCustomer(s, id)
    s.customers.delete(id)
    s.attached.delete(id)
    return { id, object: "customer", deleted: true }
  }],
  ["GET", new RegExp(`^/v1/customers/${ID}/payment_methods$`), (s, p, id) => {
    getCustomer(s, id)
    const limit = Math.min(Math.max(int(p, "limit") ?? 10, 1), 100)
    const data = [...(s.attached.get(id) ?? [])].slice(0, limit).map((pm) => paymentMethodObject(pm, id))
    return { object: "list", data, has_more: false, url: `/v1/customers/${id}/payment_methods` }
  }],
  // Medusa's provider reads a payment method when a webhook carries only its id.
  ["GET", new RegExp(`^/v1/payment_methods/${ID}$`), (s, _p, id) => {
    if (!isTestCard(id)) throw missing("PaymentMethod", id, "payment_method", 404)
    const owner = [...s.attached].find(([, set]) => set.has(id))?.[0] ?? null
    return paymentMethodObject(id, owner)
  }],
  ["POST", new RegExp(`^/v1/payment_methods/${ID}/attach$`), (s, p, id) => {
    if (!isTestCard(id)) throw missing("PaymentMethod", id, "payment_method", 404)
    const customer = str(p, "customer", 255)
    if (!customer) throw invalid("Missing required param: customer.", "customer", "parameter_missing")
    checkCustomer(s, customer)
    attach(s, id, customer)
    return paymentMethodObject(id, customer)
  }],
  ["POST", new RegExp(`^/v1/payment_methods/${ID}/detach$`), (s, _p, id) => {
    if (!isTestCard(id)) throw missing("PaymentMethod", id, "payment_method", 404)
    const owners = [...s.attached].filter(([, set]) => set.has(id))
    if (!owners.length) {
      throw fail(400, "invalid_request_error", "The payment method you provided is not attached to a customer so detachment is impossible.")
    }
    owners.forEach(([, set]) => set.delete(id))
    return paymentMethodObject(id, null)
  }],
  ["POST", /^\/v1\/setup_intents$/, (s, p) => createSetupIntent(s, p)],
]

function apiKeyOf(header: string | undefined): string | undefined {
  if (!header) return undefined
  const bearer = /^Bearer\s+(\S{1,255})$/i.exec(header)
  if (bearer) return bearer[1]
  const basic = /^Basic\s+([A-Za-z0-9+/=]{1,400})$/i.exec(header)
  return basic ? Buffer.from(basic[1], "base64").toString("utf8").split(":")[0] : ""
}
function authError(key: string | undefined): StripeFail | null {
  if (key === undefined) {
    return fail(401, "invalid_request_error", "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.")
  }
  if (/^sk_test_[A-Za-z0-9_]{1,247}$/.test(key)) return null
  return fail(401, "invalid_request_error", `Invalid API Key provided: ${key.slice(0, 8)}****${key.length > 12 ? key.slice(-4) : ""}`)
}

/** One request: auth, params, idempotency, route; answers [status, body, replayed]. */
function handle(s: State, method: string, path: string, query: string, body: string, headers: http.IncomingHttpHeaders): [number, Json, boolean] {
  const rawKey = headers["idempotency-key"]
  const idemKey = typeof rawKey === "string" ? rawKey : undefined
  s.calls.push({ method, path, ...(idemKey !== undefined && { idempotencyKey: idemKey }) })
  const apiKey = apiKeyOf(headers.authorization)
  const denied = authError(apiKey)
  if (denied) return [denied.status, { error: denied.body }, false]
  if (idemKey !== undefined && (idemKey.length < 1 || idemKey.length > 255)) {
    return [400, { error: invalid("Idempotency-Key must be between 1 and 255 characters", "Idempotency-Key").body }, false]
  }
  const parseOpts = { depth: 5, parameterLimit: 1000, arrayLimit: 100 }
  const params = qs.parse(method === "POST" ? body : query, parseOpts) as Params
  // Stripe keys idempotency per account; only POSTs take part.
  const slot = method === "POST" && idemKey !== undefined ? `${apiKey} ${idemKey}` : undefined
  const signature = canonical(params)
  const prior = slot ? s.idempotency.get(slot) : undefined
  if (prior) {
    const shown = idemKey!.slice(0, 100)
    if (prior.method !== method || prior.path !== path) {
      return [400, { error: { type: "idempotency_error", message: `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${prior.method} ${prior.path}' vs '${method} ${path}'). Try using a key other than '${shown}' if you meant to execute a different request.` } }, false]
    }
    if (prior.params !== signature) {
      return [400, { error: { type: "idempotency_error", message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${shown}' if you meant to execute a different request.` } }, false]
    }
    return [prior.status, prior.body, true]
  }
  let status = 200
  let answer: Json
  let save = true
  const route = routes.find(([m, re]) => m === method && re.test(path))
  try {
    if (!route) {
      throw fail(404, "invalid_request_error", `Unrecognized request URL (${method}: ${path.slice(0, 200)}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`, {}, false)
    }
    answer = route[2](s, params, route[1].exec(path)?.[1] ?? "")
  } catch (e) {
    const err = e instanceof StripeFail ? e : fail(500, "api_error", "An unknown error occurred", {}, false)
    status = err.status
    answer = { error: err.body }
    save = err.saved
  }
  if (slot && save) s.idempotency.set(slot, { method, path, params: signature, status, body: answer })
  return [status, answer, false]
}

/** Starts the fake on 127.0.0.1 (port 0 = any free port). */
export async function startFakeStripe(opts: { port?: number } = {}): Promise<FakeStripe> {
  const s = createState()
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on("data", (c: Buffer) => {
      size += c.length
      if (size <= BODY_LIMIT) chunks.push(c)
    })
    req.on("end", () => {
      const [path, query = ""] = (req.url ?? "/").split("?", 2)
      const [status, body, replayed] = size > BODY_LIMIT
        ? [413, { error: { type: "invalid_request_error", message: "Request body too large." } }, false] as const
        : handle(s, req.method ?? "GET", path, query, Buffer.concat(chunks).toString("utf8"), req.headers)
      const idem = req.headers["idempotency-key"]
      res.writeHead(status, {
        "content-type": "application/json",
        "request-id": `req_${token(14)}`,
        ...(typeof idem === "string" && idem.length <= 255 && { "idempotency-key": idem }),
        ...(replayed && { "idempotent-replayed": "true" }),
      })
      res.end(JSON.stringify(body))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve())
  })
  return {
    port: (server.address() as AddressInfo).port,
    intents: s.intents,
    refunds: s.refunds,
    customers: s.customers,
    calls: s.calls,
    confirmCount: (id) => s.confirms.get(id) ?? 0,
    authenticate(id, outcome) {
      const intent = s.intents.get(id)
      if (!intent || intent.status !== "requires_action") {
        throw new Error(`authenticate: ${id} is ${intent ? intent.status : "unknown"}, not requires_action`)
      }
      if (outcome === "succeed") settle(s, intent)
      else {
        Object.assign(intent, {
          status: "requires_payment_method", next_action: null,
          last_payment_error: { ...AUTHENTICATION_FAILURE, payment_method: paymentMethodObject(intent.payment_method!, null) },
          payment_method: null,
        })
      }
      return intent
    },
    reset() {
      for (const v of Object.values(s)) (v as { clear?: () => void }).clear?.()
      s.calls.length = 0
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()))
        server.closeAllConnections() // the SDK keeps connections alive
      }),
  }
}

/** A Stripe-Signature header value for a webhook payload, as Stripe would sign it. */
export function signWebhook(payload: string, secret: string, timestamp?: number): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, ...(timestamp !== undefined && { timestamp }) })
}

/** An event object shaped like Stripe's, wrapping `object`; `extra` overrides top-level fields. */
export function stripeEvent(type: string, object: Json, extra: Json = {}) {
  return {
    id: newId("evt"),
    object: "event",
    api_version: EVENT_API_VERSION,
    created: now(),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: `req_${token(14)}`, idempotency_key: null },
    type,
    ...extra,
  }
}

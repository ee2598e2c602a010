import { createRequire } from "module"
import type StripeType from "stripe"

/** Medusa payment provider id of card payments: @medusajs/payment-stripe's "stripe" service, registered with id "stripe". */
export const STRIPE_PROVIDER_ID = "pp_stripe_stripe"

/** Where the Stripe client connects: Stripe itself, or a local fake in tests and development. */
export type StripeConnection = {
  apiKey: string
  webhookSecret?: string
  host?: string
  port?: number
  protocol?: "http" | "https"
}

/**
 * Stripe's settings from the environment, or null when STRIPE_API_KEY is
 * unset (then card payments are simply not offered).
 */
export function stripeConnectionFromEnv(env: NodeJS.ProcessEnv = process.env): StripeConnection | null {
  const apiKey = env.STRIPE_API_KEY?.trim()
  if (!apiKey) return null
  const protocol = env.STRIPE_API_PROTOCOL?.trim()
  if (protocol && protocol !== "http" && protocol !== "https") {
    throw new Error(`STRIPE_API_PROTOCOL must be http or https, not "${protocol.slice(0, 20)}"`)
  }
  const port = env.STRIPE_API_PORT?.trim()
  if (port && !/^\d{1,5}$/.test(port)) {
    throw new Error(`STRIPE_API_PORT must be a port number, not "${port.slice(0, 20)}"`)
  }
  return {
    apiKey,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET?.trim() || undefined,
    host: env.STRIPE_API_HOST?.trim() || undefined,
    port: port ? Number(port) : undefined,
    protocol: (protocol as StripeConnection["protocol"]) || undefined,
  }
}

export const isStripeConfigured = (env: NodeJS.ProcessEnv = process.env) => !!env.STRIPE_API_KEY?.trim()

// The SDK that @medusajs/payment-stripe itself depends on (its own nested
// copy), so our client and Medusa's provider speak the same API version.
const requireFromProvider = createRequire(require.resolve("@medusajs/payment-stripe"))
const Stripe = requireFromProvider("stripe") as typeof StripeType

/** A Stripe client for a connection (host, port and protocol only when set). */
export function createStripeClient(connection: StripeConnection): StripeType {
  return new Stripe(connection.apiKey, {
    ...(connection.host ? { host: connection.host } : {}),
    ...(connection.port ? { port: connection.port } : {}),
    ...(connection.protocol ? { protocol: connection.protocol } : {}),
    maxNetworkRetries: 2,
    telemetry: false,
  })
}

let shared: { key: string; client: StripeType } | undefined

/** The process's Stripe client for the environment's settings; null when Stripe is not configured. */
export function stripeClient(env: NodeJS.ProcessEnv = process.env): StripeType | null {
  const connection = stripeConnectionFromEnv(env)
  if (!connection) return null
  const key = JSON.stringify(connection)
  if (shared?.key !== key) shared = { key, client: createStripeClient(connection) }
  return shared.client
}

/** Stripe's own tolerance for the age of a signed webhook. */
export const WEBHOOK_TOLERANCE_SECONDS = 300

/**
 * The event Stripe signed, checked on the exact bytes it sent (throws
 * Stripe's StripeSignatureVerificationError for a bad or stale signature).
 */
export function verifyStripeEvent(rawBody: Buffer | string, signature: string, secret: string) {
  return Stripe.webhooks.constructEvent(rawBody, signature, secret, WEBHOOK_TOLERANCE_SECONDS)
}

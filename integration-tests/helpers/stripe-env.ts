/**
 * Stripe settings for a spec that talks to the local fake (fake-stripe.ts).
 * Set them before medusaIntegrationTestRunner loads medusa-config.ts; jest
 * gives each spec file its own process.env, so they do not leak to others.
 * Each jest worker gets its own port, as spec files run two at a time.
 */
export const STRIPE_TEST_SECRET = "whsec_skinior_test_secret"

export function useFakeStripeEnv() {
  const port = 12200 + Number(process.env.JEST_WORKER_ID ?? 1)
  Object.assign(process.env, {
    STRIPE_API_KEY: "sk_test_skinior_fake",
    STRIPE_WEBHOOK_SECRET: STRIPE_TEST_SECRET,
    STRIPE_API_HOST: "127.0.0.1",
    STRIPE_API_PORT: String(port),
    STRIPE_API_PROTOCOL: "http",
  })
  return port
}

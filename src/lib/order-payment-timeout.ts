/** How long a card order may wait for its payment before it is cancelled (DESIGN.md "Orders and payments"). */

const MINUTE_MS = 60 * 1000
const DEFAULT_MINUTES = 60

/** ORDER_PAYMENT_TIMEOUT_MINUTES (default 60); a value that is not a positive number falls back to the default. */
export function orderPaymentTimeoutMinutes(env: NodeJS.ProcessEnv = process.env): number {
  const minutes = Number(env.ORDER_PAYMENT_TIMEOUT_MINUTES ?? DEFAULT_MINUTES)
  return Number.isFinite(minutes) && minutes > 0 ? minutes : DEFAULT_MINUTES
}

/** Card orders placed before this instant and still unpaid are due for cancellation. */
export function unpaidCardOrderCutoff(now: Date = new Date(), env: NodeJS.ProcessEnv = process.env): Date {
  return new Date(now.getTime() - orderPaymentTimeoutMinutes(env) * MINUTE_MS)
}

/** The lock that serialises everything that pays or cancels one order (the /payment route, the webhook, the timeout). */
export const orderPaymentLockKey = (orderId: string) => `order-payment:${orderId}`

/** Shop rules for carts, from the environment. */

const DAY_MS = 24 * 60 * 60 * 1000

export function cartTtlDays(): number {
  const days = Number(process.env.CART_EXPIRY_DAYS ?? 30)
  return Number.isFinite(days) && days > 0 ? days : 30
}

export function cartExpiresAt(createdAt: Date | string): Date {
  return new Date(new Date(createdAt).getTime() + cartTtlDays() * DAY_MS)
}

export function maxQuantityPerLine(): number {
  const max = Number(process.env.CART_MAX_QUANTITY_PER_ITEM ?? 10)
  return Number.isInteger(max) && max > 0 ? max : 10
}

import type { Context } from "@medusajs/framework/types"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"

/** Order numbers of the shop: SKN-{year in Asia/Amman}-{counter, zero-padded to 6 digits}. */
export const ORDER_NUMBER_PATTERN = /^SKN-(\d{4})-(\d{6,})$/

export function formatOrderNumber(year: number, value: number) {
  return `SKN-${year}-${String(value).padStart(6, "0")}`
}

const AMMAN_YEAR = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Amman", year: "numeric" })

/** The calendar year of a moment in Jordan (an order at 23:30 UTC on 31 December is next year's). */
export function yearInAmman(at: Date | string | number = new Date()) {
  return Number(AMMAN_YEAR.format(new Date(at)))
}

type SqlManager = { execute: (sql: string, params: unknown[]) => Promise<{ last_value: number }[]> }

// One row per year; the increment takes the row's lock, so concurrent orders
// (any number of processes) wait for each other and never share a number.
const NEXT_VALUE_SQL = `
  insert into order_number_counter (id, year, last_value) values (?, ?, 1)
  on conflict (year) where deleted_at is null
  do update set last_value = order_number_counter.last_value + 1, updated_at = now()
  returning last_value`

/**
 * The Order module's `generateCustomDisplayId` option: called inside the
 * transaction that creates the order, so the counter moves only when the
 * order is written (an order creation that fails leaves no gap).
 */
export async function generateOrderNumber(
  data: { created_at?: Date | string | null },
  sharedContext: Context = {}
): Promise<string> {
  const manager = sharedContext.transactionManager as SqlManager | undefined
  if (!manager?.execute) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "Order numbers are made inside the order's transaction")
  }
  const year = yearInAmman(data.created_at ?? new Date())
  const [row] = await manager.execute(NEXT_VALUE_SQL, [generateEntityId(undefined, "ordnum"), year])
  return formatOrderNumber(year, Number(row.last_value))
}

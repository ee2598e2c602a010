import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "knex"
import { isKnownCurrency, toMinorUnits } from "../money"

/**
 * The shop's business figures, read from the database (not counted in
 * memory), so every server instance reports the same numbers and a restart
 * loses nothing. Each is one aggregate query over indexed columns. Read-only
 * SQL across Medusa's cart and order tables because Query cannot aggregate;
 * every value goes in as a binding.
 *
 * - carts created: every cart ever made (expired ones are soft-deleted, still counted);
 * - carts with items: carts that ever held a line (the checkouts that began);
 * - carts completed: carts that became an order;
 * - carts abandoned: carts past their expiry with items that never became an order;
 * - completion rate = completed / with items; abandonment rate = abandoned / with items;
 * - orders placed: non-draft orders; revenue: their totals when placed, cancelled
 *   orders excluded, per currency in the minor unit (USD cents, JOD fils).
 */

export type ShopTotals = {
  carts_created: number
  carts_with_items: number
  carts_completed: number
  carts_abandoned: number
  orders_placed: number
  completion_rate: number
  abandonment_rate: number
  revenue: { currency: string; amount: number }[]
}

export type ShopDay = { date: string; orders: number; revenue: { currency: string; amount: number }[] }

export const SHOP_TIME_ZONE = "Asia/Amman"
const MAX_DAYS = 90

// Medusa keeps an order's totals as JSON; a total may be stored as a number or as { value }.
const ORDER_TOTAL_SQL = `case jsonb_typeof(s.totals::jsonb -> 'original_order_total')
  when 'object' then (s.totals::jsonb -> 'original_order_total' ->> 'value')::numeric
  else (s.totals::jsonb ->> 'original_order_total')::numeric end`

const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10000) / 10000 : 0)

function toRevenue(rows: { currency_code: string; total: string | null }[]) {
  return rows
    .filter((r) => isKnownCurrency(r.currency_code) && r.total !== null)
    .map((r) => ({ currency: r.currency_code.toUpperCase(), amount: toMinorUnits(r.total as string, r.currency_code) }))
    .sort((a, b) => a.currency.localeCompare(b.currency))
}

const pgOf = (container: MedusaContainer) => container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)

export async function readShopTotals(container: MedusaContainer, now = new Date()): Promise<ShopTotals> {
  const pg = pgOf(container)
  const [carts, abandoned, orders, revenue] = await Promise.all([
    pg.raw(
      `select count(*)::int as created,
              count(*) filter (where exists (select 1 from cart_line_item li where li.cart_id = c.id))::int as with_items,
              count(*) filter (where c.completed_at is not null)::int as completed
         from cart c`
    ),
    pg.raw(
      `select count(*)::int as abandoned
         from cart_expiry e join cart c on c.id = e.cart_id
        where e.expires_at <= ? and c.completed_at is null
          and exists (select 1 from cart_line_item li where li.cart_id = c.id)`,
      [now]
    ),
    pg.raw(`select count(*)::int as placed from "order" where is_draft_order = false and deleted_at is null`),
    pg.raw(
      `select o.currency_code, sum(${ORDER_TOTAL_SQL})::text as total
         from "order" o join order_summary s on s.order_id = o.id and s.version = o.version and s.deleted_at is null
        where o.is_draft_order = false and o.deleted_at is null and o.status <> 'canceled'
        group by o.currency_code`
    ),
  ])
  const c = carts.rows[0]
  const carts_abandoned: number = abandoned.rows[0].abandoned
  return {
    carts_created: c.created,
    carts_with_items: c.with_items,
    carts_completed: c.completed,
    carts_abandoned,
    orders_placed: orders.rows[0].placed,
    completion_rate: ratio(c.completed, c.with_items),
    abandonment_rate: ratio(carts_abandoned, c.with_items),
    revenue: toRevenue(revenue.rows),
  }
}

/** Orders and revenue per calendar day in Amman, the last `days` days including today, oldest first, empty days included. */
export async function readShopDays(container: MedusaContainer, days = 14, now = new Date()): Promise<ShopDay[]> {
  const span = Math.min(Math.max(1, Math.trunc(days)), MAX_DAYS)
  const { rows } = await pgOf(container).raw(
    `with bounds as (select (timezone(?, ?::timestamptz))::date as today)
     select to_char(timezone(?, o.created_at)::date, 'YYYY-MM-DD') as day, o.currency_code,
            count(*)::int as orders,
            sum(case when o.status <> 'canceled' then ${ORDER_TOTAL_SQL} else 0 end)::text as total
       from "order" o join order_summary s on s.order_id = o.id and s.version = o.version and s.deleted_at is null, bounds
      where o.is_draft_order = false and o.deleted_at is null
        and timezone(?, o.created_at)::date > bounds.today - ?::int
        and timezone(?, o.created_at)::date <= bounds.today
      group by 1, 2`,
    [SHOP_TIME_ZONE, now.toISOString(), SHOP_TIME_ZONE, SHOP_TIME_ZONE, span, SHOP_TIME_ZONE]
  )
  const byDay = new Map<string, { orders: number; rows: { currency_code: string; total: string | null }[] }>()
  for (const row of rows as { day: string; currency_code: string; orders: number; total: string | null }[]) {
    const entry = byDay.get(row.day) ?? { orders: 0, rows: [] }
    entry.orders += row.orders
    entry.rows.push(row)
    byDay.set(row.day, entry)
  }
  return calendarDays(now, span).map((date) => ({
    date,
    orders: byDay.get(date)?.orders ?? 0,
    revenue: toRevenue(byDay.get(date)?.rows ?? []),
  }))
}

/** The last `span` calendar dates in Amman ending today, oldest first. */
export function calendarDays(now: Date, span: number): string[] {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: SHOP_TIME_ZONE }).format(now)
  const base = Date.parse(`${today}T00:00:00Z`)
  return Array.from({ length: span }, (_, i) => new Date(base - (span - 1 - i) * 86_400_000).toISOString().slice(0, 10))
}

/** A short-lived memo: scrapes and page loads within the TTL share one set of queries. */
export function cached<T>(read: () => Promise<T>, ttlMs: () => number): () => Promise<T> {
  let entry: { at: number; value: Promise<T> } | undefined
  return () => {
    const now = Date.now()
    if (!entry || now - entry.at >= ttlMs()) {
      const value = read()
      entry = { at: now, value }
      // A failed read is not kept: the next call tries again.
      value.catch(() => {
        if (entry?.value === value) entry = undefined
      })
    }
    return entry.value
  }
}

/** METRICS_CACHE_SECONDS (default 15; 0 reads on every call). */
export function figuresTtlMs(): number {
  const seconds = Number(process.env.METRICS_CACHE_SECONDS ?? 15)
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 15_000
}

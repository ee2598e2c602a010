import { useQuery } from "@tanstack/react-query"
import { sdk } from "./sdk"

/** The Shop health page's data (GET /admin/shop-health); amounts are in the currency's minor unit. */

export type Money = { currency: string; amount: number }
export type ShopHealth = {
  generated_at: string
  totals: {
    carts_created: number
    carts_with_items: number
    carts_completed: number
    carts_abandoned: number
    orders_placed: number
    completion_rate: number
    abandonment_rate: number
    revenue: Money[]
  }
  days: { date: string; orders: number; revenue: Money[] }[]
  routes: {
    method: string
    route: string
    requests: number
    client_errors: number
    server_errors: number
    error_rate: number
    p95_ms: number
  }[]
  routes_since: string
}

export const useShopHealth = () =>
  useQuery({
    queryKey: ["shop-health"],
    queryFn: () => sdk.client.fetch<{ shop_health: ShopHealth }>("/admin/shop-health").then((r) => r.shop_health),
    // The figures are cached ~15 s on the server; a minute keeps the page fresh without load.
    refetchInterval: 60_000,
  })

/** Minor units shown in major units with the currency's own decimals (JOD 3, USD 2). */
export function formatMoney({ currency, amount }: Money): string {
  const format = new Intl.NumberFormat("en", { style: "currency", currency })
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2
  return format.format(amount / 10 ** digits)
}

export const percent = (ratio: number) => `${(ratio * 100).toFixed(1)}%`

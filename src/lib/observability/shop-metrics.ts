import type { MedusaContainer } from "@medusajs/framework/types"
import { registerScrapeGauge } from "./metrics"
import { cached, figuresTtlMs, readShopTotals, ShopTotals } from "./shop-figures"

type Figure = { name: string; help: string; value: (t: ShopTotals) => number }

const FIGURES: Figure[] = [
  { name: "skinior_carts_created", help: "Carts ever created (from the database)", value: (t) => t.carts_created },
  { name: "skinior_carts_with_items", help: "Carts that ever held a line (from the database)", value: (t) => t.carts_with_items },
  { name: "skinior_carts_completed", help: "Carts that became an order (from the database)", value: (t) => t.carts_completed },
  {
    name: "skinior_carts_abandoned",
    help: "Carts past their expiry with items that never became an order (from the database)",
    value: (t) => t.carts_abandoned,
  },
  { name: "skinior_orders_placed", help: "Orders placed, drafts excluded (from the database)", value: (t) => t.orders_placed },
  { name: "skinior_order_completion_ratio", help: "Carts completed / carts with items", value: (t) => t.completion_rate },
  { name: "skinior_cart_abandonment_ratio", help: "Carts abandoned / carts with items", value: (t) => t.abandonment_rate },
]

let totals: (() => Promise<ShopTotals>) | undefined

/** The shop totals of this process's container, shared by scrapes and Admin within METRICS_CACHE_SECONDS. */
export function shopTotals(container: MedusaContainer): Promise<ShopTotals> {
  totals ??= cached(() => readShopTotals(container), figuresTtlMs)
  return totals()
}

/** Adds the business gauges to the registry (once); each scrape reads them through the shared cache. */
export function registerShopMetrics(container: MedusaContainer) {
  for (const figure of FIGURES) {
    registerScrapeGauge(figure.name, figure.help, [], async (gauge) => {
      gauge.set(figure.value(await shopTotals(container)))
    })
  }
  registerScrapeGauge(
    "skinior_revenue_minor",
    "Totals of placed orders (cancelled excluded) per currency, in the minor unit: USD cents, JOD fils (from the database)",
    ["currency"],
    async (gauge) => {
      gauge.reset()
      for (const { currency, amount } of (await shopTotals(container)).revenue) {
        gauge.set({ currency }, amount)
      }
    }
  )
}

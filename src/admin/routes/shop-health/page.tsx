import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartBar } from "@medusajs/icons"
import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { BarChart, RateBar } from "../../components/bar-chart"
import { useLowStockVariants } from "../../lib/low-stock"
import { formatMoney, percent, ShopHealth, useShopHealth } from "../../lib/shop-health"

const short = (date: string) => date.slice(5) // MM-DD

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex flex-col gap-1 px-6 py-4">
      <Text size="small" className="text-ui-fg-subtle">{label}</Text>
      <Text size="xlarge" weight="plus">{value}</Text>
    </div>
  )
}

function Days({ days }: { days: ShopHealth["days"] }) {
  const currencies = [...new Set(days.flatMap((d) => d.revenue.map((r) => r.currency)))].sort()
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Orders per day</Heading>
        <Text size="small" className="text-ui-fg-subtle">Last 14 days, Amman time</Text>
      </div>
      <div className="px-6 py-4">
        <BarChart label="Orders per day" bars={days.map((d) => ({ label: short(d.date), value: d.orders }))} />
      </div>
      {currencies.length === 0 && <Text className="px-6 py-4">No revenue in the last 14 days.</Text>}
      {currencies.map((currency) => (
        <div key={currency} className="px-6 py-4">
          <Heading level="h3">Revenue per day ({currency})</Heading>
          <BarChart
            label={`Revenue per day ${currency}`}
            color="var(--fg-interactive-hover, #10b981)"
            format={(amount) => formatMoney({ currency, amount })}
            bars={days.map((d) => ({ label: short(d.date), value: d.revenue.find((r) => r.currency === currency)?.amount ?? 0 }))}
          />
        </div>
      ))}
    </Container>
  )
}

function Routes({ routes, since }: { routes: ShopHealth["routes"]; since: string }) {
  const busiest = routes.slice(0, 12)
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Latency and errors per route</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          This server since {new Date(since).toLocaleString()}; Prometheus (/metrics) has every instance.
        </Text>
      </div>
      {busiest.length > 0 && (
        <div className="px-6 py-4">
          <BarChart
            label="p95 latency per route"
            color="var(--fg-muted, #8b5cf6)"
            format={(ms) => `${ms} ms`}
            bars={busiest.map((r, i) => ({ label: `#${i + 1}`, value: r.p95_ms, title: `${r.method} ${r.route}: p95 ${r.p95_ms} ms` }))}
          />
        </div>
      )}
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>#</Table.HeaderCell>
            <Table.HeaderCell>Route</Table.HeaderCell>
            <Table.HeaderCell>Requests</Table.HeaderCell>
            <Table.HeaderCell>p95</Table.HeaderCell>
            <Table.HeaderCell>4xx</Table.HeaderCell>
            <Table.HeaderCell>5xx rate</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {routes.map((r, i) => (
            <Table.Row key={`${r.method} ${r.route}`}>
              <Table.Cell>{i + 1}</Table.Cell>
              <Table.Cell className="font-mono text-xs">{`${r.method} ${r.route}`}</Table.Cell>
              <Table.Cell>{r.requests}</Table.Cell>
              <Table.Cell>{r.p95_ms} ms</Table.Cell>
              <Table.Cell>{r.client_errors}</Table.Cell>
              <Table.Cell>
                <Badge color={r.server_errors ? "red" : "green"}>{percent(r.error_rate)}</Badge>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </Container>
  )
}

function LowStock() {
  const { data, error } = useLowStockVariants()
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Low-stock variants</Heading>
        {data && <Badge color={data.count ? "orange" : "green"}>{data.count}</Badge>}
      </div>
      {error && <Text className="px-6 py-4 text-ui-fg-error">{(error as Error).message}</Text>}
      {data && data.count === 0 && <Text className="px-6 py-4">No variant is low on stock.</Text>}
      {data && data.count > 0 && (
        <div className="px-6 py-4">
          <BarChart
            label="Sellable units of low-stock variants"
            color="var(--tag-orange-icon, #f97316)"
            bars={data.variants.slice(0, 20).map((v) => ({
              label: (v.sku ?? v.variant_title).slice(0, 10),
              value: v.inventory_count,
              title: `${v.product_title ?? ""} ${v.variant_title}: ${v.inventory_count} (threshold ${v.low_stock_threshold})`,
            }))}
          />
        </div>
      )}
    </Container>
  )
}

/** Shop health: orders, revenue, checkout completion, abandoned carts, route latency and errors, low stock. */
const ShopHealthPage = () => {
  const { data, isLoading, error } = useShopHealth()
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h1">Shop health</Heading>
          {data && <Text size="small" className="text-ui-fg-subtle">Updated {new Date(data.generated_at).toLocaleTimeString()}</Text>}
        </div>
        {isLoading && <Text className="px-6 py-4">Loading…</Text>}
        {error && <Text className="px-6 py-4 text-ui-fg-error">{(error as Error).message}</Text>}
        {data && (
          <>
            <div className="grid grid-cols-2 md:grid-cols-4">
              <Figure label="Orders placed" value={String(data.totals.orders_placed)} />
              <Figure label="Carts created" value={String(data.totals.carts_created)} />
              <Figure label="Carts abandoned" value={String(data.totals.carts_abandoned)} />
              <Figure
                label="Revenue"
                value={data.totals.revenue.length ? data.totals.revenue.map(formatMoney).join(" · ") : "—"}
              />
            </div>
            <div className="flex flex-col gap-2 px-6 py-4">
              <Heading level="h2">Completion and abandonment</Heading>
              <Text size="small">Order completion {percent(data.totals.completion_rate)} of carts with items</Text>
              <RateBar label="Order completion rate" ratio={data.totals.completion_rate} color="var(--tag-green-icon, #22c55e)" />
              <Text size="small">Abandoned {percent(data.totals.abandonment_rate)} (expired with items)</Text>
              <RateBar label="Cart abandonment rate" ratio={data.totals.abandonment_rate} color="var(--tag-red-icon, #ef4444)" />
            </div>
          </>
        )}
      </Container>
      {data && <Days days={data.days} />}
      {data && <Routes routes={data.routes} since={data.routes_since} />}
      <LowStock />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Shop health",
  icon: ChartBar,
})

export default ShopHealthPage

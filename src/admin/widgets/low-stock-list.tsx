import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { useLowStockVariants } from "../lib/low-stock"

/** Above the inventory list: the variants at or below their low-stock threshold, lowest first. */
const LowStockListWidget = () => {
  const { data, isLoading, error } = useLowStockVariants()

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Low stock</Heading>
        {data && <Badge color={data.count ? "orange" : "green"}>{data.count}</Badge>}
      </div>
      {isLoading && <Text className="px-6 py-4">Loading…</Text>}
      {error && <Text className="px-6 py-4 text-ui-fg-error">{(error as Error).message}</Text>}
      {data && data.count === 0 && <Text className="px-6 py-4">No variant is low on stock.</Text>}
      {data && data.count > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Product</Table.HeaderCell>
              <Table.HeaderCell>Variant</Table.HeaderCell>
              <Table.HeaderCell>SKU</Table.HeaderCell>
              <Table.HeaderCell>Sellable</Table.HeaderCell>
              <Table.HeaderCell>Threshold</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.variants.map((v) => (
              <Table.Row key={v.variant_id}>
                <Table.Cell>
                  <a href={`/app/products/${v.product_id}/variants/${v.variant_id}`}>{v.product_title}</a>
                </Table.Cell>
                <Table.Cell>{v.variant_title}</Table.Cell>
                <Table.Cell>{v.sku}</Table.Cell>
                <Table.Cell>{v.inventory_count}</Table.Cell>
                <Table.Cell>{v.low_stock_threshold}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "inventory_item.list.before",
})

export default LowStockListWidget

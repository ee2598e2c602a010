import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProductVariant, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Input, Label, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useLowStockThreshold, useSetLowStockThreshold } from "../lib/low-stock"

/** The variant's low-stock threshold: the storefront shows "low stock" at or below it (default 10). */
const VariantLowStockWidget = ({ data: variant }: DetailWidgetProps<AdminProductVariant>) => {
  const { data, isLoading } = useLowStockThreshold(variant.id)
  const save = useSetLowStockThreshold(variant.id)
  const [value, setValue] = useState("")

  useEffect(() => {
    if (data) setValue(String(data.low_stock.low_stock_threshold))
  }, [data])

  const number = Number(value)
  const valid = value !== "" && Number.isInteger(number) && number >= 0

  const submit = () =>
    save.mutate(number, {
      onSuccess: () => toast.success("Low-stock threshold saved"),
      onError: (e) => toast.error((e as Error).message),
    })

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Low stock</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Shown as low stock when what can be sold (stock minus reservations and holds) is at or below this.
        </Text>
      </div>
      <div className="flex items-center gap-3 px-6 py-4">
        <Label htmlFor="low-stock-threshold">Threshold</Label>
        <Input
          id="low-stock-threshold"
          type="number"
          min="0"
          step="1"
          disabled={isLoading}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <Button size="small" onClick={submit} isLoading={save.isPending} disabled={!valid}>
          Save
        </Button>
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "product_variant.details.side.after",
})

export default VariantLowStockWidget

import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminPromotion, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Input, Label, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { sdk } from "../lib/sdk"

type Minimum = { currency_code: string; amount: number }

const CURRENCIES = ["usd", "jod"]

/** Minimum order (item subtotal before discount) per currency for this code; empty means none. */
const PromotionMinimumsWidget = ({ data: promotion }: DetailWidgetProps<AdminPromotion>) => {
  const [values, setValues] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)
  const url = `/admin/promotions/${promotion.id}/minimums`

  const load = (minimums: Minimum[]) =>
    setValues(Object.fromEntries(CURRENCIES.map((c) => [c, String(minimums.find((m) => m.currency_code === c)?.amount ?? "")])))

  useEffect(() => {
    sdk.client
      .fetch<{ minimums: Minimum[] }>(url)
      .then(({ minimums }) => load(minimums))
      .catch((e) => toast.error(`Could not load the minimum order: ${e.message}`))
  }, [url])

  const invalid = CURRENCIES.filter((c) => values[c] !== "" && values[c] !== undefined && !(Number(values[c]) >= 0))

  const save = async () => {
    setSaving(true)
    try {
      const minimums = CURRENCIES.filter((c) => values[c] !== "" && values[c] !== undefined).map((c) => ({
        currency_code: c,
        amount: Number(values[c]),
      }))
      const result = await sdk.client.fetch<{ minimums: Minimum[] }>(url, { method: "POST", body: { minimums } })
      load(result.minimums)
      toast.success("Minimum order saved")
    } catch (e) {
      toast.error((e as Error).message)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Minimum order</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          The cart's items (before discount) must reach this amount. Leave empty for no minimum.
        </Text>
      </div>
      <div className="flex flex-col gap-3 px-6 py-4">
        {CURRENCIES.map((currency) => (
          <div key={currency} className="flex items-center gap-3">
            <Label className="w-12 uppercase">{currency}</Label>
            <Input
              type="number"
              min="0"
              step="0.01"
              value={values[currency] ?? ""}
              onChange={(e) => setValues((v) => ({ ...v, [currency]: e.target.value }))}
            />
          </div>
        ))}
        <Button size="small" onClick={save} isLoading={saving} disabled={invalid.length > 0}>
          Save
        </Button>
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "promotion.details.side.after",
})

export default PromotionMinimumsWidget

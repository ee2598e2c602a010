import { defineRouteConfig } from "@medusajs/admin-sdk"
import { RocketLaunch } from "@medusajs/icons"
import { Button, Container, Heading, Input, Switch, Table, Text, toast } from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { SHIPPING_METHODS, ShippingMethodCode } from "../../../lib/shipping-methods"
import { PublicHolidays } from "../../components/public-holidays"
import { sdk } from "../../lib/sdk"

type Rule = {
  id: string
  governorate: string
  governorate_name: string
  method: ShippingMethodCode
  available: boolean
  price: number
  min_days: number
  max_days: number
}


function problemsOf(rule: Rule): string | undefined {
  if (!Number.isFinite(rule.price) || rule.price < 0) return "price must be 0 or more"
  if (Math.abs(rule.price * 100 - Math.round(rule.price * 100)) > 1e-6) return "price must be a multiple of 0.01 JOD (10 fils)"
  if (!Number.isInteger(rule.min_days) || !Number.isInteger(rule.max_days)) return "days must be whole numbers"
  if (rule.min_days > rule.max_days) return "min days must not exceed max days"
  return undefined
}

const ShippingRulesPage = () => {
  const [saved, setSaved] = useState<Rule[]>([])
  const [rules, setRules] = useState<Rule[]>([])
  const [saving, setSaving] = useState(false)

  useEffect(() => {
    sdk.client
      .fetch<{ shipping_rules: Rule[] }>("/admin/shipping-rules")
      .then(({ shipping_rules }) => {
        setSaved(shipping_rules)
        setRules(shipping_rules)
      })
      .catch((e) => toast.error(`Could not load the shipping rules: ${e.message}`))
  }, [])

  const governorates = useMemo(
    () => [...new Map(rules.map((r) => [r.governorate, r.governorate_name])).entries()],
    [rules]
  )
  const changed = rules.filter((rule) => {
    const before = saved.find((s) => s.id === rule.id)
    return before && JSON.stringify(before) !== JSON.stringify(rule)
  })
  const invalid = changed.map((rule) => [rule, problemsOf(rule)] as const).filter(([, p]) => p)

  const update = (id: string, patch: Partial<Rule>) =>
    setRules((all) => all.map((rule) => (rule.id === id ? { ...rule, ...patch } : rule)))

  const save = async () => {
    setSaving(true)
    try {
      const { shipping_rules } = await sdk.client.fetch<{ shipping_rules: Rule[] }>("/admin/shipping-rules", {
        method: "POST",
        body: {
          rules: changed.map(({ id, available, price, min_days, max_days }) => ({
            id,
            available,
            price,
            min_days,
            max_days,
          })),
        },
      })
      setSaved(shipping_rules)
      setRules(shipping_rules)
      toast.success(`Saved ${changed.length} rule(s); new quotes use them at once`)
    } catch (e) {
      toast.error((e as Error).message)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">Jordan shipping rules</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Price (JOD, multiples of 0.01) and delivery days per governorate and method.
          </Text>
        </div>
        <Button onClick={save} isLoading={saving} disabled={!changed.length || invalid.length > 0}>
          Save {changed.length ? `(${changed.length})` : ""}
        </Button>
      </div>
      {invalid.length > 0 && (
        <div className="px-6 py-3">
          {invalid.map(([rule, problem]) => (
            <Text key={rule.id} size="small" className="text-ui-fg-error">
              {rule.governorate_name} / {rule.method}: {problem}
            </Text>
          ))}
        </div>
      )}
      {governorates.map(([code, name]) => (
        <div key={code} className="px-6 py-4">
          <Heading level="h2" className="mb-2">
            {name} <span className="text-ui-fg-muted">({code})</span>
          </Heading>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Method</Table.HeaderCell>
                <Table.HeaderCell>Available</Table.HeaderCell>
                <Table.HeaderCell>Price (JOD)</Table.HeaderCell>
                <Table.HeaderCell>Min days</Table.HeaderCell>
                <Table.HeaderCell>Max days</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {SHIPPING_METHODS.map(({ code: method, shortLabel: label }) => {
                const rule = rules.find((r) => r.governorate === code && r.method === method)
                if (!rule) return null
                return (
                  <Table.Row key={rule.id}>
                    <Table.Cell>{label}</Table.Cell>
                    <Table.Cell>
                      <Switch checked={rule.available} onCheckedChange={(v) => update(rule.id, { available: v })} />
                    </Table.Cell>
                    <Table.Cell>
                      <Input
                        type="number"
                        step="0.01"
                        min="0"
                        value={rule.price}
                        onChange={(e) => update(rule.id, { price: Number(e.target.value) })}
                      />
                    </Table.Cell>
                    <Table.Cell>
                      <Input
                        type="number"
                        min="0"
                        value={rule.min_days}
                        onChange={(e) => update(rule.id, { min_days: Number(e.target.value) })}
                      />
                    </Table.Cell>
                    <Table.Cell>
                      <Input
                        type="number"
                        min="0"
                        value={rule.max_days}
                        onChange={(e) => update(rule.id, { max_days: Number(e.target.value) })}
                      />
                    </Table.Cell>
                  </Table.Row>
                )
              })}
            </Table.Body>
          </Table>
        </div>
      ))}
      <PublicHolidays />
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Shipping rules",
  icon: RocketLaunch,
})

export default ShippingRulesPage

import { defineRouteConfig } from "@medusajs/admin-sdk"
import { DocumentText } from "@medusajs/icons"
import { Button, Container, Heading, Input, Label, Select, Text } from "@medusajs/ui"
import { type ComponentProps, useState } from "react"
import { AUDIT_ACTOR_TYPES, AUDIT_METHODS } from "../../../modules/audit/vocabulary"
import { AuditTable } from "../../components/audit-table"
import { auditQueryOf, EMPTY_AUDIT_FILTERS, type AuditFilters, useAuditEntries } from "../../lib/audit-log"

const PAGE_SIZE = 50
// Radix selects take no empty value: "any" stands for no filter.
const ANY = "any"

function Choice<T extends string>({ label, value, options, onChange }: { label: string; value: T | ""; options: readonly T[]; onChange: (v: T | "") => void }) {
  return (
    <div className="flex flex-col gap-1">
      <Label size="small">{label}</Label>
      <Select value={value || ANY} onValueChange={(v) => onChange(v === ANY ? "" : (v as T))}>
        <Select.Trigger>
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          <Select.Item value={ANY}>Any</Select.Item>
          {options.map((o) => (
            <Select.Item key={o} value={o}>
              {o}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    </div>
  )
}

function Field({ label, ...props }: { label: string } & ComponentProps<typeof Input>) {
  return (
    <div className="flex flex-col gap-1">
      <Label size="small">{label}</Label>
      <Input size="small" {...props} />
    </div>
  )
}

/** Audit log: every admin change and every secret-key use, newest first, filtered by actor, entity, method and dates. */
const AuditLogPage = () => {
  const [filters, setFilters] = useState<AuditFilters>(EMPTY_AUDIT_FILTERS)
  const [page, setPage] = useState(0)
  const { data, isLoading, error } = useAuditEntries(auditQueryOf(filters, page, PAGE_SIZE))
  const set = (patch: Partial<AuditFilters>) => {
    setFilters({ ...filters, ...patch })
    setPage(0)
  }
  const pages = data ? Math.max(1, Math.ceil(data.count / PAGE_SIZE)) : 1
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h1">Audit log</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Every change made in Admin or through the Admin API, and every use of a secret API key. Entries cannot be edited or deleted.
        </Text>
      </div>
      <div className="grid grid-cols-2 gap-3 px-6 py-4 md:grid-cols-6">
        <Choice label="Actor type" value={filters.actor_type} options={AUDIT_ACTOR_TYPES} onChange={(actor_type) => set({ actor_type })} />
        <Field label="Actor id" placeholder="user_… or apk_…" maxLength={100} value={filters.actor_id} onChange={(e) => set({ actor_id: e.target.value })} />
        <Field label="Entity id" placeholder="prod_…, order_…" maxLength={100} value={filters.entity_id} onChange={(e) => set({ entity_id: e.target.value })} />
        <Choice label="Method" value={filters.method} options={AUDIT_METHODS} onChange={(method) => set({ method })} />
        <Field label="From" type="date" value={filters.from} onChange={(e) => set({ from: e.target.value })} />
        <Field label="To" type="date" value={filters.to} onChange={(e) => set({ to: e.target.value })} />
      </div>
      {isLoading && <Text className="px-6 py-4">Loading…</Text>}
      {error && <Text className="px-6 py-4 text-ui-fg-error">{(error as Error).message}</Text>}
      {data && <AuditTable entries={data.audit_entries} />}
      {data && (
        <div className="flex items-center justify-between px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            {data.count === 1 ? "1 entry" : `${data.count} entries`} · page {page + 1} of {pages}
          </Text>
          <div className="flex gap-2">
            <Button size="small" variant="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
              Previous
            </Button>
            <Button size="small" variant="secondary" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
              Next
            </Button>
          </div>
        </div>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Audit log",
  icon: DocumentText,
})

export default AuditLogPage

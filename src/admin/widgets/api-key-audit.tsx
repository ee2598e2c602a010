import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminApiKeyResponse, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { AuditTable } from "../components/audit-table"
import { useAuditEntries } from "../lib/audit-log"

/**
 * A secret key's recent uses, from the audit log. Admin's own key page shows
 * the last use (api_key.last_used_at, which our audit middleware sets).
 */
const ApiKeyAuditWidget = ({ data: key }: DetailWidgetProps<AdminApiKeyResponse["api_key"]>) => {
  const isSecret = key.type === "secret"
  const { data, error } = useAuditEntries({ actor_type: "api_key", actor_id: key.id, limit: 10 }, isSecret)
  if (!isSecret) return null
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Recent uses</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {data ? `${data.count} requests made with this key` : "Requests made with this key"}; the full list is in the Audit log.
        </Text>
      </div>
      {error && <Text className="px-6 py-4 text-ui-fg-error">{(error as Error).message}</Text>}
      {data && <AuditTable entries={data.audit_entries} showActor={false} />}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "api_key.details.after",
})

export default ApiKeyAuditWidget

import { Badge, Table, Text } from "@medusajs/ui"
import { actorLabel, type AuditEntry } from "../lib/audit-log"

const statusColor = (status: number) => (status >= 500 ? "red" : status >= 400 ? "orange" : "green")

/** Audit entries as rows: when, who, what (method and route), which entities, outcome. */
export function AuditTable({ entries, showActor = true }: { entries: AuditEntry[]; showActor?: boolean }) {
  if (!entries.length) return <Text className="px-6 py-4">No entries.</Text>
  return (
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>When</Table.HeaderCell>
          {showActor && <Table.HeaderCell>Who</Table.HeaderCell>}
          <Table.HeaderCell>What</Table.HeaderCell>
          <Table.HeaderCell>Entities</Table.HeaderCell>
          <Table.HeaderCell>Outcome</Table.HeaderCell>
          <Table.HeaderCell>Request / IP</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {entries.map((e) => (
          <Table.Row key={e.id} title={e.details?.fields ? `fields: ${e.details.fields.join(", ")}` : undefined}>
            <Table.Cell className="whitespace-nowrap">{new Date(e.occurred_at).toLocaleString()}</Table.Cell>
            {showActor && <Table.Cell className="font-mono text-xs">{actorLabel(e)}</Table.Cell>}
            <Table.Cell className="font-mono text-xs">{`${e.method} ${e.route}`}</Table.Cell>
            <Table.Cell className="font-mono text-xs">{e.entity_ids.join(", ") || "—"}</Table.Cell>
            <Table.Cell>
              <Badge color={statusColor(e.status)}>
                {e.status}
                {e.details?.error_type ? ` ${e.details.error_type}` : ""}
              </Badge>
            </Table.Cell>
            <Table.Cell className="font-mono text-xs">
              {e.request_id ?? "—"}
              <br />
              {e.ip ?? ""}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}

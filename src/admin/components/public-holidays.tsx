import { Button, Heading, Input, Table, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { PublicHoliday, usePublicHolidays, useSetPublicHolidays } from "../lib/public-holidays"

/** Jordan's public holidays: delivery estimates skip them besides Friday and Saturday. */
export const PublicHolidays = () => {
  const { data, isLoading } = usePublicHolidays()
  const save = useSetPublicHolidays()
  const [holidays, setHolidays] = useState<PublicHoliday[]>([])
  useEffect(() => setHolidays(data?.public_holidays ?? []), [data])

  const update = (index: number, patch: Partial<PublicHoliday>) =>
    setHolidays((all) => all.map((h, i) => (i === index ? { ...h, ...patch } : h)))
  const submit = () =>
    save.mutate(holidays, {
      onSuccess: ({ public_holidays }) => toast.success(`Saved ${public_holidays.length} public holiday(s)`),
      onError: (e) => toast.error((e as Error).message),
    })

  return (
    <div className="px-6 py-4">
      <div className="mb-2 flex items-center justify-between">
        <div>
          <Heading level="h2">Public holidays</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            No deliveries on these days; estimated delivery dates skip them, as they skip Friday and Saturday.
          </Text>
        </div>
        <div className="flex gap-2">
          <Button variant="secondary" onClick={() => setHolidays((all) => [...all, { date: "", name: "" }])}>
            Add
          </Button>
          <Button onClick={submit} isLoading={save.isPending} disabled={isLoading}>
            Save holidays
          </Button>
        </div>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Date</Table.HeaderCell>
            <Table.HeaderCell>Name</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {holidays.map((holiday, index) => (
            <Table.Row key={index}>
              <Table.Cell>
                <Input type="date" value={holiday.date} onChange={(e) => update(index, { date: e.target.value })} />
              </Table.Cell>
              <Table.Cell>
                <Input value={holiday.name} maxLength={100} onChange={(e) => update(index, { name: e.target.value })} />
              </Table.Cell>
              <Table.Cell>
                <Button variant="transparent" onClick={() => setHolidays((all) => all.filter((_, i) => i !== index))}>
                  Remove
                </Button>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  )
}

import { useMutation, useQueryClient } from "@tanstack/react-query"
import { sdk } from "./sdk"

/** What POST /admin/customers/:id/erase reports: how many records of each kind it touched. */
export type Erasure = {
  customer_id: string
  orders_anonymised: number
  fulfillment_addresses_anonymised: number
  stripe_events_scrubbed: number
  carts_anonymised: number
  reviews_anonymised: number
  notifications_scrubbed: number
  idempotency_records_deleted: number
  sessions_deleted: number
  skin_profiles_deleted: number
  auth_identities_removed: number
  account_holders_deleted: number
}

/** The export as a file to save: pretty JSON, named like the download of GET /api/v1/customers/:id/export. */
export function exportFile(doc: unknown, customerId: string, at = new Date()) {
  return {
    name: `skinior-customer-${customerId}-${at.toISOString().slice(0, 10)}.json`,
    text: `${JSON.stringify(doc, null, 2)}\n`,
  }
}

/** Fetches everything held about the customer (audited on the server) and hands it to the browser as a file. */
export const useDownloadCustomerData = (customerId: string) =>
  useMutation({
    mutationFn: async () => {
      const { customer_export } = await sdk.client.fetch<{ customer_export: unknown }>(
        `/admin/customers/${customerId}/export`
      )
      const file = exportFile(customer_export, customerId)
      const url = URL.createObjectURL(new Blob([file.text], { type: "application/json" }))
      const link = Object.assign(document.createElement("a"), { href: url, download: file.name })
      link.click()
      URL.revokeObjectURL(url)
      return file.name
    },
  })

/** Erases the customer's personal data; every cached customer and order read is stale afterwards. */
export const useEraseCustomer = (customerId: string) => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ id: string; erasure: Erasure }>(`/admin/customers/${customerId}/erase`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries(),
  })
}

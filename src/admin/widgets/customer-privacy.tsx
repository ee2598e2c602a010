import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Text, toast, usePrompt } from "@medusajs/ui"
import { useDownloadCustomerData, useEraseCustomer } from "../lib/customer-privacy"

/** The customer's privacy rights, exercised by the merchant: a copy of their data, or its erasure. */
const CustomerPrivacyWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const download = useDownloadCustomerData(customer.id)
  const erase = useEraseCustomer(customer.id)
  const prompt = usePrompt()

  const onDownload = () =>
    download.mutate(undefined, {
      onSuccess: (name) => toast.success(`Saved ${name}`),
      onError: (e) => toast.error((e as Error).message),
    })

  const onErase = async () => {
    const confirmed = await prompt({
      title: "Erase this customer's personal data?",
      description:
        `${customer.email}: the account, saved addresses, skin profile and sign-in are deleted; orders stay ` +
        "with names, emails, phones and addresses removed; reviews stay as \"Former customer\". This cannot be undone.",
      confirmText: "Erase",
      cancelText: "Cancel",
      verificationText: customer.email ?? undefined,
      verificationInstruction: "Type the customer's email to confirm",
    })
    if (!confirmed) return
    erase.mutate(undefined, {
      onSuccess: ({ erasure }) => {
        toast.success(`Erased: ${erasure.orders_anonymised} order(s) anonymised`)
        // The customer no longer exists: back to the list.
        window.location.assign("/app/customers")
      },
      onError: (e) => toast.error((e as Error).message),
    })
  }

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Privacy</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          The customer's right to a copy of their data and to erasure. Both are recorded in the audit log.
        </Text>
      </div>
      <div className="flex gap-2 px-6 py-4">
        <Button size="small" variant="secondary" onClick={onDownload} isLoading={download.isPending}>
          Download data
        </Button>
        <Button size="small" variant="danger" onClick={onErase} isLoading={erase.isPending}>
          Erase personal data
        </Button>
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
})

export default CustomerPrivacyWidget

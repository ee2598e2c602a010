import type { IOrderModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PERSONAL_DATA_ERASED_AT } from "../../lib/order-access"
import type { ErasureTargets } from "./find-erasure-targets"

/**
 * The personal fields of an order address. Country and province (governorate
 * or state) stay: they are what tax and delivery accounting need, and they
 * name no one.
 */
export const ERASED_ADDRESS_FIELDS = {
  first_name: null,
  last_name: null,
  company: null,
  phone: null,
  address_1: null,
  address_2: null,
  city: null,
  postal_code: null,
  // building, apartment, delivery instructions and the email ride here.
  metadata: null,
} as const

type AddressRow = { id: string } & Record<string, unknown>
type OrderRow = { id: string; email: string | null; metadata: Record<string, unknown> | null }
type Undo = { orders: OrderRow[]; addresses: AddressRow[] }

const ADDRESS_COLUMNS = ["id", ...Object.keys(ERASED_ADDRESS_FIELDS)]

export const anonymiseCustomerOrdersStepId = "anonymise-customer-orders"

/**
 * Orders stay for accounting (items, totals, currency, statuses, country);
 * the email, the names, phones and address lines of the shipping and billing
 * addresses, and the customer's order notes are removed. The order carries
 * `metadata.personal_data_erased_at` so the merchant sees why. Compensation
 * puts every previous value back.
 */
export const anonymiseCustomerOrdersStep = createStep(
  anonymiseCustomerOrdersStepId,
  async (targets: ErasureTargets, { container }) => {
    if (!targets.order_ids.length) return new StepResponse(0, { orders: [], addresses: [] } as Undo)
    const orders: IOrderModuleService = container.resolve(Modules.ORDER)
    const rows = await orders.listOrders(
      { id: targets.order_ids },
      { select: ["id", "email", "metadata", "shipping_address_id", "billing_address_id"], take: null } as never
    )
    const addressIds = rows.flatMap((o: any) => [o.shipping_address_id, o.billing_address_id]).filter(Boolean) as string[]
    const addresses = addressIds.length
      ? ((await orders.listOrderAddresses({ id: addressIds }, { select: ADDRESS_COLUMNS as never, take: null })) as unknown as AddressRow[])
      : []
    const erasedAt = new Date().toISOString()
    await orders.updateOrders(
      rows.map((o) => {
        const { notes: _notes, ...metadata } = (o.metadata ?? {}) as Record<string, unknown>
        return { id: o.id, email: null as never, metadata: { ...metadata, [PERSONAL_DATA_ERASED_AT]: erasedAt } }
      })
    )
    if (addresses.length) {
      await orders.updateOrderAddresses(addresses.map((a) => ({ id: a.id, ...ERASED_ADDRESS_FIELDS })) as never)
    }
    const undo: Undo = {
      orders: rows.map((o) => ({ id: o.id, email: o.email ?? null, metadata: (o.metadata as Record<string, unknown>) ?? null })),
      addresses,
    }
    return new StepResponse(rows.length, undo)
  },
  async (undo, { container }) => {
    if (!undo?.orders.length) return
    const orders: IOrderModuleService = container.resolve(Modules.ORDER)
    await orders.updateOrders(undo.orders as never)
    if (undo.addresses.length) await orders.updateOrderAddresses(undo.addresses as never)
  }
)

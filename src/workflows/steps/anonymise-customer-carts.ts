import type { ICartModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ERASED_ADDRESS_FIELDS } from "./anonymise-customer-orders"
import type { ErasureTargets } from "./find-erasure-targets"

type CartRow = { id: string; email: string | null; customer_id: string | null }
type Undo = { carts: CartRow[]; addresses: ({ id: string } & Record<string, unknown>)[] }

export const anonymiseCustomerCartsStepId = "anonymise-customer-carts"

/**
 * Every cart of the customer, open or ordered, loses its email, its owner and
 * the personal fields of its addresses. Kept, not deleted: an ordered cart is
 * linked to its order, and an open one left ownerless holds nothing personal
 * and expires with the others (CART_EXPIRY_DAYS). Compensation restores them.
 */
export const anonymiseCustomerCartsStep = createStep(
  anonymiseCustomerCartsStepId,
  async (targets: ErasureTargets, { container }) => {
    const carts: ICartModuleService = container.resolve(Modules.CART)
    const rows = (await carts.listCarts(
      { customer_id: targets.customer_id },
      { select: ["id", "email", "customer_id", "shipping_address_id", "billing_address_id"], take: null } as never
    )) as unknown as (CartRow & { shipping_address_id?: string | null; billing_address_id?: string | null })[]
    if (!rows.length) return new StepResponse(0, { carts: [], addresses: [] } as Undo)
    const addressIds = rows.flatMap((c) => [c.shipping_address_id, c.billing_address_id]).filter(Boolean) as string[]
    const addresses = addressIds.length
      ? ((await carts.listAddresses({ id: addressIds } as never, {
          select: ["id", ...Object.keys(ERASED_ADDRESS_FIELDS)] as never,
          take: null,
        })) as unknown as Undo["addresses"])
      : []
    await carts.updateCarts(rows.map((c) => ({ id: c.id, email: null, customer_id: null })))
    if (addresses.length) await carts.updateAddresses(addresses.map((a) => ({ id: a.id, ...ERASED_ADDRESS_FIELDS })) as never)
    return new StepResponse(rows.length, {
      carts: rows.map(({ id, email, customer_id }) => ({ id, email, customer_id })),
      addresses,
    } as Undo)
  },
  async (undo, { container }) => {
    if (!undo?.carts.length) return
    const carts: ICartModuleService = container.resolve(Modules.CART)
    await carts.updateCarts(undo.carts)
    if (undo.addresses.length) await carts.updateAddresses(undo.addresses as never)
  }
)

import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ERASED_ADDRESS_FIELDS } from "./anonymise-customer-orders"
import type { ErasureTargets } from "./find-erasure-targets"

type AddressRow = { id: string } & Record<string, unknown>

const COLUMNS = ["id", ...Object.keys(ERASED_ADDRESS_FIELDS)]

export const anonymiseFulfillmentAddressesStepId = "anonymise-fulfillment-addresses"

/**
 * A fulfilled order copies its shipping address into the fulfillment
 * (`fulfillment_address`). Medusa's fulfillment module has no update for that
 * row, so this is one bound-parameter UPDATE on its table, clearing the same
 * fields as on the order (country and province stay). Compensation writes
 * the previous values back.
 */
export const anonymiseFulfillmentAddressesStep = createStep(
  anonymiseFulfillmentAddressesStepId,
  async (targets: ErasureTargets, { container }) => {
    if (!targets.order_ids.length) return new StepResponse(0, [] as AddressRow[])
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ["fulfillments.delivery_address.id"],
      filters: { id: targets.order_ids },
    })
    const ids = data
      .flatMap((o: any) => o.fulfillments ?? [])
      .map((f: any) => f?.delivery_address?.id)
      .filter((id: unknown): id is string => typeof id === "string")
    if (!ids.length) return new StepResponse(0, [] as AddressRow[])
    const pg = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
    const previous: AddressRow[] = await pg("fulfillment_address").whereIn("id", ids).select(COLUMNS)
    await pg("fulfillment_address")
      .whereIn("id", ids)
      .update({ ...ERASED_ADDRESS_FIELDS, updated_at: pg.fn.now() })
    return new StepResponse(previous.length, previous)
  },
  async (previous, { container }) => {
    if (!previous?.length) return
    const pg = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
    for (const { id, ...row } of previous) {
      await pg("fulfillment_address").where({ id }).update(row)
    }
  }
)

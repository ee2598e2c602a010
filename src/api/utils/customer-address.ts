import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { resolveGovernorate } from "../../lib/jordan"
import { notFoundError, validationError } from "../../lib/errors"
import type { CheckoutAddress } from "../api/v1/checkout/validators"
import type { CreateAddressBody } from "../api/v1/customers/validators"
import { CustomerAddressRecord, presentCustomerAddress } from "../presenters/customer"
import { medusaAddress } from "./checkout-address"

/** An address book holds this many; enough for home, work and family. */
export const MAX_ADDRESSES = 20

/**
 * Medusa's address for a saved one: its country must be one the shop
 * delivers to (a region's), and a Jordanian one needs a known governorate,
 * so checkout can use it as it is.
 */
export async function toSavedAddress(scope: MedusaContainer, address: CreateAddressBody) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: regions } = await query.graph({ entity: "region", fields: ["countries.iso_2"] })
  const served = new Set(regions.flatMap((r: any) => (r.countries ?? []).map((c: any) => c?.iso_2)))
  const country = address.country.toLowerCase()
  if (!served.has(country)) {
    throw validationError("Invalid address", [
      { field: "country", message: `We do not deliver to ${address.country.toUpperCase()}` },
    ])
  }
  const governorate = country === "jo" ? resolveGovernorate(address.governorate) : undefined
  if (country === "jo" && !governorate) {
    throw validationError("Invalid address", [
      {
        field: "governorate",
        message: address.governorate ? "Unknown governorate" : "governorate is required in Jordan",
      },
    ])
  }
  const { metadata, ...fields } = medusaAddress(address as CheckoutAddress, governorate)
  const { email: _email, ...rest } = metadata
  return { ...fields, metadata: rest }
}

/** The customer's addresses, default shipping first. */
export async function listAddresses(scope: MedusaContainer, customerId: string): Promise<CustomerAddressRecord[]> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer_address",
    fields: ["*"],
    filters: { customer_id: customerId },
  })
  return (data as unknown as (CustomerAddressRecord & { created_at: string })[]).sort(
    (a, b) =>
      Number(!!b.is_default_shipping) - Number(!!a.is_default_shipping) ||
      String(a.created_at).localeCompare(String(b.created_at)) ||
      a.id.localeCompare(b.id)
  )
}

/** One of the customer's addresses; another customer's is as unknown as a missing one (404). */
export async function ownAddress(scope: MedusaContainer, customerId: string, addressId: string) {
  const address = (await listAddresses(scope, customerId)).find((a) => a.id === addressId)
  if (!address) {
    throw notFoundError(`Address ${addressId} not found`)
  }
  return address
}

/** The contract address of a stored one, as the body of a PUT would give it (to merge a partial update). */
export function asBody(address: CustomerAddressRecord): CreateAddressBody {
  const shape = presentCustomerAddress(address)
  const defined = <T>(v: T | null) => v ?? undefined
  return {
    country: shape.country ?? "",
    city: shape.city ?? "",
    governorate: defined(shape.governorate),
    postalCode: defined(shape.postalCode),
    street: shape.street ?? "",
    building: defined(shape.building),
    apartment: defined(shape.apartment),
    firstName: defined(shape.firstName),
    lastName: defined(shape.lastName),
    phone: defined(shape.phone),
    instructions: defined(shape.instructions),
  }
}

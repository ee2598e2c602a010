import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { Governorate, resolveGovernorate } from "../../lib/jordan"
import { ApiError, validationError } from "../../lib/errors"
import type { CheckoutAddress } from "../api/v1/checkout/validators"

const notServiceable = (message: string, field: string) =>
  new ApiError(422, "VALIDATION_ERROR", "Address not serviceable", [{ field, message }])

/**
 * Checks a checkout address against the cart's region: its country must be
 * one the region serves (422), and a Jordanian address needs a governorate
 * (400 when missing, 422 when unknown). Answers Medusa's address for it.
 */
export async function toCartAddress(
  scope: MedusaContainer,
  regionId: string,
  address: CheckoutAddress
): Promise<{ governorate?: Governorate; address: Record<string, unknown> }> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [region],
  } = await query.graph({ entity: "region", fields: ["countries.iso_2"], filters: { id: regionId } })
  const country = address.country.toLowerCase()
  const served = (region?.countries ?? []).map((c: { iso_2?: string } | null) => c?.iso_2)
  if (!served.includes(country)) {
    throw notServiceable(
      `This cart's region does not deliver to ${address.country.toUpperCase()}`,
      "shippingAddress.country"
    )
  }
  let governorate: Governorate | undefined
  if (country === "jo") {
    if (!address.governorate) {
      throw validationError("Invalid address", [
        { field: "shippingAddress.governorate", message: "shippingAddress.governorate is required in Jordan" },
      ])
    }
    governorate = resolveGovernorate(address.governorate)
    if (!governorate) {
      throw notServiceable(`Unknown governorate "${address.governorate}"`, "shippingAddress.governorate")
    }
  }
  return { governorate, address: medusaAddress(address, governorate) }
}

/** Medusa's address for a contract address (building, apartment, instructions and email ride in metadata). */
export function medusaAddress(address: CheckoutAddress, governorate?: Governorate) {
  const country = address.country.toLowerCase()
  return {
    first_name: address.firstName,
    last_name: address.lastName,
    phone: address.phone,
    address_1: address.street,
    address_2: [address.building, address.apartment].filter(Boolean).join(", ") || undefined,
    city: address.city,
    province: governorate?.code ?? (country === "jo" ? resolveGovernorate(address.governorate)?.code : undefined) ?? address.governorate,
    postal_code: address.postalCode,
    country_code: country,
    metadata: {
      building: address.building ?? null,
      apartment: address.apartment ?? null,
      instructions: address.instructions ?? null,
      email: address.email ?? null,
    },
  }
}

import type { SkinProfileData } from "../../modules/skin-profile/service"
import { presentAddress } from "./order"

export type CustomerAddressRecord = Parameters<typeof presentAddress>[0] & {
  id: string
  is_default_shipping?: boolean | null
}

export type CustomerRecord = {
  id: string
  email: string
  first_name?: string | null
  last_name?: string | null
  phone?: string | null
  metadata?: Record<string, unknown> | null
  created_at: Date | string
  updated_at: Date | string
  addresses?: (CustomerAddressRecord | null)[] | null
}

export type OrderSummary = { id: string; orderNumber: string | null; total: number; status: string; createdAt: string }

export const CUSTOMER_FIELDS = [
  "id",
  "email",
  "first_name",
  "last_name",
  "phone",
  "metadata",
  "created_at",
  "updated_at",
  "addresses.*",
]

/** A saved address in the contract's address shape, with its id and whether checkout uses it by default. */
export function presentCustomerAddress(address: CustomerAddressRecord) {
  const { email: _email, ...shape } = presentAddress(address)!
  return { id: address.id, ...shape, isDefaultShipping: !!address.is_default_shipping }
}

const iso = (value: Date | string) => new Date(value).toISOString()

/** The contract's customer; `orders` only where the answer carries the order history. */
export function presentCustomer(customer: CustomerRecord, profile: SkinProfileData, orders?: OrderSummary[]) {
  const verifiedAt = customer.metadata?.email_verified_at
  const addresses = (customer.addresses ?? [])
    .filter((a): a is CustomerAddressRecord => !!a)
    .sort((a, b) => Number(!!b.is_default_shipping) - Number(!!a.is_default_shipping) || a.id.localeCompare(b.id))
  return {
    id: customer.id,
    email: customer.email,
    firstName: customer.first_name ?? null,
    lastName: customer.last_name ?? null,
    phone: customer.phone ?? null,
    dateOfBirth: profile.date_of_birth,
    skinProfile: { skinType: profile.skin_type, skinConcerns: profile.skin_concerns },
    emailVerified: typeof verifiedAt === "string" && verifiedAt.length > 0,
    addresses: addresses.map(presentCustomerAddress),
    ...(orders ? { orders } : {}),
    createdAt: iso(customer.created_at),
    updatedAt: iso(customer.updated_at),
  }
}

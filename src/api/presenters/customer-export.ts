import type { SkinProfileData } from "../../modules/skin-profile/service"
import type { CustomerAddressRecord, CustomerRecord } from "./customer"
import { presentCustomerAddress } from "./customer"
import { presentAddress, presentOrder } from "./order"
import { presentReview } from "./review"

type Iso = Date | string

export type SessionRecord = {
  id: string
  family_id: string
  created_at: Iso
  expires_at: Iso
  used_at?: Iso | null
  revoked_at?: Iso | null
}

export type ExportCartRecord = {
  id: string
  currency_code: string
  email?: string | null
  completed_at?: Iso | null
  created_at: Iso
  updated_at: Iso
  items?: ({ product_id?: string | null; variant_id?: string | null; product_title?: string | null; variant_title?: string | null; quantity: number } | null)[] | null
  shipping_address?: Parameters<typeof presentAddress>[0]
  billing_address?: Parameters<typeof presentAddress>[0]
}

export type NotificationRecord = {
  id: string
  channel: string
  template?: string | null
  to: string
  status?: string | null
  created_at: Iso
}

export type CustomerExportRecords = {
  customer: CustomerRecord & { has_account?: boolean | null }
  profile: SkinProfileData
  orders: Parameters<typeof presentOrder>[0][]
  holidays: string[]
  reviews: Parameters<typeof presentReview>[0][]
  sessions: SessionRecord[]
  carts: ExportCartRecord[]
  notifications: NotificationRecord[]
}

/**
 * What the shop records as consent. Nothing: no marketing email, newsletter
 * or tracking consent is asked for or kept (registration takes none), and the
 * emails that are sent (verification, password reset, order confirmation)
 * belong to the service itself. The export says so rather than omit the key.
 */
export const CONSENTS_HELD = {
  recorded: [] as never[],
  note: "Skinior records no consents: it sends no marketing email and keeps no newsletter or tracking consent. Emails sent are those the service needs (email verification, password reset, order confirmation).",
}

const iso = (value: Iso | null | undefined) => (value ? new Date(value).toISOString() : null)

/**
 * Everything held about one customer (DESIGN.md "Privacy"), in the
 * contract's camelCase: account, saved addresses, the skin profile opened,
 * orders in the order shape, reviews, consents, sessions (metadata only, never
 * the token hash), carts and the emails sent to them.
 */
export function presentCustomerExport(r: CustomerExportRecords, exportedAt = new Date()) {
  const verifiedAt = r.customer.metadata?.email_verified_at
  const addresses = (r.customer.addresses ?? []).filter((a): a is CustomerAddressRecord => !!a)
  return {
    exportedAt: exportedAt.toISOString(),
    account: {
      id: r.customer.id,
      email: r.customer.email,
      firstName: r.customer.first_name ?? null,
      lastName: r.customer.last_name ?? null,
      phone: r.customer.phone ?? null,
      hasAccount: !!r.customer.has_account,
      emailVerified: typeof verifiedAt === "string" && verifiedAt.length > 0,
      createdAt: iso(r.customer.created_at),
      updatedAt: iso(r.customer.updated_at),
    },
    addresses: addresses.sort((a, b) => a.id.localeCompare(b.id)).map(presentCustomerAddress),
    skinProfile: {
      skinType: r.profile.skin_type,
      skinConcerns: r.profile.skin_concerns,
      dateOfBirth: r.profile.date_of_birth,
    },
    orders: r.orders.map((order) => presentOrder(order, r.holidays)),
    reviews: r.reviews.map(presentReview),
    consents: CONSENTS_HELD,
    sessions: r.sessions.map((s) => ({
      id: s.id,
      family: s.family_id,
      createdAt: iso(s.created_at),
      expiresAt: iso(s.expires_at),
      usedAt: iso(s.used_at),
      revokedAt: iso(s.revoked_at),
    })),
    carts: r.carts.map((cart) => ({
      id: cart.id,
      currency: cart.currency_code.toUpperCase(),
      email: cart.email ?? null,
      items: (cart.items ?? []).flatMap((item) =>
        item
          ? [
              {
                productId: item.product_id ?? null,
                variantId: item.variant_id ?? null,
                productTitle: item.product_title ?? null,
                variantTitle: item.variant_title ?? null,
                quantity: Number(item.quantity),
              },
            ]
          : []
      ),
      shippingAddress: presentAddress(cart.shipping_address, cart.email),
      billingAddress: presentAddress(cart.billing_address, cart.email),
      completedAt: iso(cart.completed_at),
      createdAt: iso(cart.created_at),
      updatedAt: iso(cart.updated_at),
    })),
    emails: r.notifications.map((n) => ({
      id: n.id,
      channel: n.channel,
      template: n.template ?? null,
      to: n.to,
      status: n.status ?? null,
      createdAt: iso(n.created_at),
    })),
  }
}

export type CustomerExport = ReturnType<typeof presentCustomerExport>

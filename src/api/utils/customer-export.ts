import type { INotificationModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_SESSION_MODULE } from "../../modules/customer-session"
import type CustomerSessionModuleService from "../../modules/customer-session/service"
import { REVIEW_MODULE } from "../../modules/review"
import type ReviewModuleService from "../../modules/review/service"
import { CustomerExportRecords, ExportCartRecord, presentCustomerExport } from "../presenters/customer-export"
import { loadCustomer, loadSkinProfile } from "./customer"
import { loadOrders } from "./order"

const CART_FIELDS = [
  "id",
  "currency_code",
  "email",
  "completed_at",
  "created_at",
  "updated_at",
  "items.product_id",
  "items.variant_id",
  "items.product_title",
  "items.variant_title",
  "items.quantity",
  "shipping_address.*",
  "billing_address.*",
]

/** Every record the export is made of; 404 for an unknown customer. */
async function loadCustomerExportRecords(scope: MedusaContainer, customerId: string): Promise<CustomerExportRecords> {
  const customer = (await loadCustomer(scope, customerId)) as CustomerExportRecords["customer"]
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const reviews: ReviewModuleService = scope.resolve(REVIEW_MODULE)
  const sessions: CustomerSessionModuleService = scope.resolve(CUSTOMER_SESSION_MODULE)
  const notifications: INotificationModuleService = scope.resolve(Modules.NOTIFICATION)
  const [hasAccount, profile, { orders, holidays }, reviewRows, sessionRows, carts, sent] = await Promise.all([
    query.graph({ entity: "customer", fields: ["has_account"], filters: { id: customerId } }),
    loadSkinProfile(scope, customerId),
    loadOrders(scope, { customer_id: customerId }),
    reviews.listReviews({ customer_id: customerId }, { take: null, order: { created_at: "ASC" } }),
    // Metadata only: the token hash never leaves the table.
    sessions.listCustomerRefreshTokens(
      { customer_id: customerId },
      { select: ["id", "family_id", "created_at", "expires_at", "used_at", "revoked_at"], take: null, order: { created_at: "ASC" } }
    ),
    query.graph({ entity: "cart", fields: CART_FIELDS, filters: { customer_id: customerId } }),
    notifications.listNotifications(
      { $or: [{ receiver_id: customerId }, { to: customer.email }] } as never,
      { select: ["id", "channel", "template", "to", "status", "created_at"], take: null, order: { created_at: "ASC" } }
    ),
  ])
  const byCreated = <T extends { created_at: Date | string; id: string }>(a: T, b: T) =>
    new Date(a.created_at).getTime() - new Date(b.created_at).getTime() || a.id.localeCompare(b.id)
  return {
    customer: { ...customer, has_account: hasAccount.data[0]?.has_account ?? false },
    profile,
    orders: [...orders].sort(byCreated),
    holidays,
    reviews: reviewRows,
    sessions: sessionRows,
    carts: (carts.data as unknown as ExportCartRecord[]).sort(byCreated),
    notifications: sent as never,
  }
}

/** The export document of one customer. */
export async function buildCustomerExport(scope: MedusaContainer, customerId: string) {
  return presentCustomerExport(await loadCustomerExportRecords(scope, customerId))
}

/** A download: the browser saves the answer as a file instead of showing it. */
export const exportFileName = (customerId: string, at = new Date()) =>
  `skinior-customer-${customerId}-${at.toISOString().slice(0, 10)}.json`

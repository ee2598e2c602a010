import type { MedusaContainer, PromotionDTO } from "@medusajs/framework/types"
import { MathBN, Modules } from "@medusajs/framework/utils"
import { PROMOTION_MINIMUM_MODULE } from "../modules/promotion-minimum"
import type PromotionMinimumModuleService from "../modules/promotion-minimum/service"
import { ApiError } from "./errors"
import { toMinorUnits } from "./money"
import { quoteInput } from "./quote"

/**
 * The shop's discount rules. They run inside Medusa's promotion and cart
 * workflows (src/workflows/hooks/promotion-rules.ts), so /store and /api/v1
 * callers meet the same rules.
 */

/**
 * Promotions with a minimum carry a Medusa promotion rule on this context
 * attribute; the cart's promotion context lists the promotions whose minimum
 * its items reach, so Medusa itself drops a code once a cart falls below it.
 */
export const MINIMUM_MET_ATTRIBUTE = "skinior_minimum_met"

const discountError = (status: number, message: string) =>
  new ApiError(status, "DISCOUNT_ERROR", message, [{ field: "discountCode", message }])

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/** The promotion a shopper's code names, in any case; unknown or draft codes are 400. */
export async function findPromotion(scope: MedusaContainer, code: string) {
  const promotions = await scope.resolve(Modules.PROMOTION).listPromotions(
    { code: { $ilike: escapeLike(code.trim()) } },
    { relations: ["application_method", "campaign", "campaign.budget"] }
  )
  const promotion = promotions.find((p) => p.status !== "draft")
  if (!promotion) {
    throw discountError(400, `Invalid discount code "${quoteInput(code, 50)}"`)
  }
  return promotion
}

/** 410 when the code has ended, not yet started, is switched off or used up. */
export function assertPromotionUsable(promotion: PromotionDTO, now = new Date()) {
  const campaign = promotion.campaign
  if (promotion.status === "inactive") {
    throw discountError(410, `Discount code ${promotion.code} is no longer active`)
  }
  if (campaign?.starts_at && new Date(campaign.starts_at) > now) {
    throw discountError(410, `Discount code ${promotion.code} is not valid yet`)
  }
  if (campaign?.ends_at && new Date(campaign.ends_at) < now) {
    throw discountError(410, `Discount code ${promotion.code} has expired`)
  }
  const limit = promotion.limit
  if (typeof limit === "number" && (promotion.used ?? 0) >= limit) {
    throw discountError(410, `Discount code ${promotion.code} has reached its usage limit`)
  }
  const budget = campaign?.budget
  if (budget?.type === "usage" && budget.limit != null && MathBN.gte(budget.used ?? 0, budget.limit)) {
    throw discountError(410, `Discount code ${promotion.code} has reached its usage limit`)
  }
}

type CartLines = {
  currency_code: string
  items?: ({ unit_price?: unknown; quantity?: unknown } | null)[] | null
}

/**
 * What a minimum is measured against: the items at their shelf prices before
 * any discount (tax-inclusive in Jordan, before tax in the US), the
 * `subtotal` of the /api/v1 answers.
 */
export function minimumBasis(cart: CartLines) {
  return (cart.items ?? []).reduce(
    (sum, item) =>
      item ? MathBN.add(sum, MathBN.mult(MathBN.convert(item.unit_price as number ?? 0), MathBN.convert(item.quantity as number ?? 0))) : sum,
    MathBN.convert(0)
  )
}

/** Every promotion minimum, grouped by promotion: { promotionId: { currency: amount } }. */
export async function allMinimums(scope: MedusaContainer) {
  const service: PromotionMinimumModuleService = scope.resolve(PROMOTION_MINIMUM_MODULE)
  const rows = await service.listPromotionMinimums({})
  const byPromotion = new Map<string, Map<string, number>>()
  for (const row of rows) {
    const currencies = byPromotion.get(row.promotion_id) ?? new Map<string, number>()
    currencies.set(row.currency_code, MathBN.convert(row.amount).toNumber())
    byPromotion.set(row.promotion_id, currencies)
  }
  return byPromotion
}

/** The ids of the promotions with a minimum that this cart reaches (or that have none in its currency). */
export async function promotionsWithMinimumMet(scope: MedusaContainer, cart: CartLines) {
  const basis = minimumBasis(cart)
  const currency = cart.currency_code.toLowerCase()
  const met: string[] = []
  for (const [promotionId, currencies] of await allMinimums(scope)) {
    const minimum = currencies.get(currency)
    if (minimum === undefined || MathBN.gte(basis, minimum)) {
      met.push(promotionId)
    }
  }
  return met
}

/** 422 when the cart's items are below the promotion's minimum in the cart's currency. */
export async function assertMinimumMet(scope: MedusaContainer, promotion: PromotionDTO, cart: CartLines) {
  const currency = cart.currency_code.toLowerCase()
  const minimum = (await allMinimums(scope)).get(promotion.id)?.get(currency)
  const basis = minimumBasis(cart)
  if (minimum !== undefined && MathBN.lt(basis, minimum)) {
    throw new ApiError(422, "DISCOUNT_ERROR", "Minimum order not met", [
      {
        field: "discountCode",
        message: `${promotion.code} needs an order of at least ${minimum} ${currency.toUpperCase()} before discount`,
        minimumAmount: toMinorUnits(minimum, currency),
        subtotal: toMinorUnits(basis, currency),
      },
    ])
  }
}

/** The codes of the promotions a shopper applied (automatic promotions are not theirs to stack). */
export async function shopperCodes(scope: MedusaContainer, codes: string[]) {
  if (!codes.length) return []
  const promotions = await scope.resolve(Modules.PROMOTION).listPromotions(
    { code: codes },
    { select: ["id", "code", "is_automatic"] }
  )
  const automatic = new Set(promotions.filter((p) => p.is_automatic).map((p) => p.code?.toLowerCase()))
  const seen = new Set<string>()
  return codes.filter((code) => {
    const folded = code.toLowerCase()
    return !automatic.has(folded) && !seen.has(folded) && !!seen.add(folded)
  })
}

/** A cart's promotions by id, with what assertPromotionUsable reads; automatic ones left out. */
export async function cartPromotions(scope: MedusaContainer, ids: string[]) {
  if (!ids.length) return []
  const promotions = await scope.resolve(Modules.PROMOTION).listPromotions(
    { id: ids },
    { relations: ["application_method", "campaign", "campaign.budget"] }
  )
  return promotions.filter((p) => !p.is_automatic && p.code)
}

/** 409 when a cart would carry more than one discount code. */
export function assertOneCode(current: string[], requested: string[]) {
  const other = current.find((code) => !requested.some((r) => r.toLowerCase() === code.toLowerCase()))
  if (other || new Set(requested.map((r) => r.toLowerCase())).size > 1) {
    throw new ApiError(409, "CONFLICT", other
        ? `Discount code ${other} is already applied to this cart; remove it first`
        : "Only one discount code can be used per cart"
    )
  }
}

import type { MedusaContainer, PromotionDTO } from "@medusajs/framework/types"
import { MathBN, MedusaError, Modules, PromotionActions } from "@medusajs/framework/utils"
import { updateCartPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { PROMOTION_MINIMUM_MODULE } from "../../modules/promotion-minimum"
import type PromotionMinimumModuleService from "../../modules/promotion-minimum/service"
import { toMinorUnits } from "../../lib/money"
import { ApiError } from "../../lib/errors"

const discountError = (status: number, message: string, field = "discountCode") =>
  new ApiError(status, "DISCOUNT_ERROR", message, [{ field, message }])

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/** The promotion a shopper's code names, in any case; unknown or draft codes are 400. */
export async function findPromotion(scope: MedusaContainer, code: string) {
  const promotions = await scope.resolve(Modules.PROMOTION).listPromotions(
    { code: { $ilike: escapeLike(code.trim()) } },
    { relations: ["application_method", "campaign", "campaign.budget"] }
  )
  const promotion = promotions.find((p) => p.status !== "draft")
  if (!promotion) {
    throw discountError(400, `Invalid discount code "${code}"`)
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

/** The minimum item subtotal (major units) a promotion needs in a currency, if any. */
export async function promotionMinimum(scope: MedusaContainer, promotionId: string, currency: string) {
  const service: PromotionMinimumModuleService = scope.resolve(PROMOTION_MINIMUM_MODULE)
  const [minimum] = await service.listPromotionMinimums({
    promotion_id: promotionId,
    currency_code: currency.toLowerCase(),
  })
  return minimum ? MathBN.convert(minimum.amount).toNumber() : undefined
}

type CartForDiscount = {
  id: string
  currency_code: string
  item_subtotal?: number | null
  promotions?: ({ id?: string; code?: string | null } | null)[] | null
}

/** 422 when the cart's items are below the promotion's minimum in the cart's currency. */
export async function assertMinimumMet(scope: MedusaContainer, promotion: PromotionDTO, cart: CartForDiscount) {
  const minimum = await promotionMinimum(scope, promotion.id, cart.currency_code)
  if (minimum !== undefined && MathBN.lt(cart.item_subtotal ?? 0, minimum)) {
    throw new ApiError(422, "DISCOUNT_ERROR", "Minimum order not met", [
      {
        field: "discountCode",
        message: `${promotion.code} needs an order of at least ${minimum} ${cart.currency_code.toUpperCase()} before discount`,
        minimumAmount: toMinorUnits(minimum, cart.currency_code),
        subtotal: toMinorUnits(cart.item_subtotal ?? 0, cart.currency_code),
      },
    ])
  }
}

export function removePromotionCodes(scope: MedusaContainer, cartId: string, codes: string[]) {
  return updateCartPromotionsWorkflow(scope).run({
    input: { cart_id: cartId, promo_codes: codes, action: PromotionActions.REMOVE },
  })
}

/**
 * Keeps a cart's discount true as the cart changes: a code whose minimum the
 * items no longer reach is removed. Answers a message for the shopper when
 * it removed one.
 */
export async function dropCodesBelowMinimum(scope: MedusaContainer, cart: CartForDiscount) {
  const codes = (cart.promotions ?? []).filter((p): p is { id: string; code: string } => !!p?.id && !!p.code)
  const dropped: string[] = []
  for (const promotion of codes) {
    const minimum = await promotionMinimum(scope, promotion.id, cart.currency_code)
    if (minimum !== undefined && MathBN.lt(cart.item_subtotal ?? 0, minimum)) {
      dropped.push(promotion.code)
    }
  }
  if (!dropped.length) {
    return undefined
  }
  await removePromotionCodes(scope, cart.id, dropped)
  return `Discount code ${dropped.join(", ")} was removed: the order is below its minimum amount`
}

export function assertNoCodeApplied(cart: CartForDiscount) {
  const applied = (cart.promotions ?? []).find((p) => p?.code)?.code
  if (applied) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `Discount code ${applied} is already applied to this cart; remove it first`
    )
  }
}

import { completeCartWorkflow, updateCartPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { PromotionActions } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { releaseHoldForOrder } from "./inventory-holds"
import {
  assertMinimumMet,
  assertOneCode,
  assertPromotionUsable,
  findPromotion,
  MINIMUM_MET_ATTRIBUTE,
  promotionsWithMinimumMet,
  cartPromotions,
  shopperCodes,
} from "../../lib/discount-rules"

type PromotionRef = { code?: string | null } | null
type CartWithCodes = {
  currency_code: string
  promotions?: PromotionRef[] | null
  items?: ({ unit_price?: unknown; quantity?: unknown } | null)[] | null
}

const codesOf = (cart: CartWithCodes) =>
  (cart.promotions ?? []).flatMap((p) => (p?.code ? [p.code] : []))

/**
 * The discount rules for every caller of Medusa's promotion workflow (the
 * /store promotions route, our /api/v1 route, cart refreshes): a code being
 * added must exist (400), be usable (410), reach its minimum (422) and be the
 * cart's only code (409). Re-applying the codes a cart already has (what a
 * cart refresh does) adds nothing and passes.
 */
updateCartPromotionsWorkflow.hooks.validate(async ({ input, cart }, { container }) => {
  const action = input.action ?? PromotionActions.ADD
  if (action === PromotionActions.REMOVE) {
    return
  }
  const current = codesOf(cart as CartWithCodes)
  const requested = input.promo_codes ?? []
  const added = requested.filter((code) => !current.some((c) => c.toLowerCase() === code.toLowerCase()))
  if (action === PromotionActions.ADD && added.length < requested.length) {
    // Adding is the shopper's act (a refresh replaces): a code twice is a conflict.
    assertOneCode(current, [])
  }
  if (!added.length) {
    return
  }
  const resulting = action === PromotionActions.ADD ? [...current, ...requested] : requested
  const promotions = []
  for (const code of added) {
    const promotion = await findPromotion(container, code)
    assertPromotionUsable(promotion)
    promotions.push(promotion)
  }
  const shoppers = await shopperCodes(container, resulting)
  const isAdded = (code: string) => added.some((a) => a.toLowerCase() === code.toLowerCase())
  assertOneCode(
    shoppers.filter((code) => !isAdded(code)),
    shoppers.filter(isAdded)
  )
  for (const promotion of promotions) {
    await assertMinimumMet(container, promotion, cart as CartWithCodes)
  }
})

/**
 * Tells Medusa's promotion engine which minimums the cart reaches; a
 * promotion with a minimum carries a rule on this attribute, so a code whose
 * minimum the cart no longer reaches is dropped by Medusa's own refresh.
 */
updateCartPromotionsWorkflow.hooks.setPromotionContext(async ({ cart }, { container }) => {
  const met = await promotionsWithMinimumMet(container, cart as CartWithCodes)
  // Left out when empty: Medusa's rule prefilter writes invalid SQL for an
  // empty list, and an absent attribute fails the rule just the same.
  return new StepResponse(met.length ? { [MINIMUM_MET_ATTRIBUTE]: met } : {})
})

/**
 * An order is only placed with one usable code whose minimum the cart
 * reaches: a code can be used up or ended while a shopper pays. (Medusa's
 * completion query names the cart's promotions by id only.)
 */
completeCartWorkflow.hooks.validate(async ({ cart }, { container }) => {
  // Completing an ordered cart again only answers its order: the code was
  // counted as used by that very order.
  if ((cart as { completed_at?: unknown }).completed_at) {
    return
  }
  const ids = ((cart as { promotions?: ({ id?: string } | null)[] }).promotions ?? []).flatMap((p) =>
    p?.id ? [p.id] : []
  )
  const promotions = await cartPromotions(container, ids)
  assertOneCode(
    promotions.slice(0, 1).map((p) => p.code!),
    promotions.map((p) => p.code!)
  )
  for (const promotion of promotions) {
    assertPromotionUsable(promotion)
    await assertMinimumMet(container, promotion, cart as CartWithCodes)
  }
  // Last, once the cart may be ordered: its own hold becomes the order's reservations (issue 9).
  const items = (cart as { items?: ({ variant_id?: string | null } | null)[] }).items ?? []
  await releaseHoldForOrder(
    container,
    (cart as { id: string }).id,
    items.flatMap((i) => (i?.variant_id ? [i.variant_id] : []))
  )
})

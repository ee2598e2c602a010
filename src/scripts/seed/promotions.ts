import { createCampaignsWorkflow, createPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { Modules } from "@medusajs/framework/utils"
import type { CreatePromotionDTO } from "@medusajs/framework/types"
import type { SeedContext } from "./context"
import { setPromotionMinimumsWorkflow } from "../../workflows/set-promotion-minimums"

const DAY = 24 * 60 * 60 * 1000

/**
 * FLAT5 has no currency on purpose: Medusa then takes 5 off in the cart's
 * own currency (5 USD, 5 JOD). WELCOME10's minimum order lives in the
 * promotion-minimum module (Medusa's promotions have no minimum).
 */
function promotions(campaignIds: { expired: string }): CreatePromotionDTO[] {
  const orderPercentage = (value: number) => ({
    type: "percentage" as const,
    target_type: "order" as const,
    allocation: "across" as const,
    value,
  })
  return [
    {
      code: "SAVE20",
      type: "standard",
      status: "active",
      application_method: orderPercentage(20),
    },
    {
      code: "FLAT5",
      type: "standard",
      status: "active",
      application_method: {
        type: "fixed",
        target_type: "order",
        allocation: "across",
        value: 5,
      },
    },
    {
      code: "WELCOME10",
      type: "standard",
      status: "active",
      application_method: orderPercentage(10),
    },
    {
      code: "EXPIRED15",
      type: "standard",
      status: "active",
      campaign_id: campaignIds.expired,
      application_method: orderPercentage(15),
    },
    {
      code: "LIMITED1",
      type: "standard",
      status: "active",
      limit: 1,
      application_method: orderPercentage(25),
    },
  ]
}

const EXPIRED_CAMPAIGN = "spring-sale-ended"

/** The five discount codes of the requirements, each behaving as its name says. */
export async function seedPromotions({ container, report }: SeedContext) {
  const promotionModule = container.resolve(Modules.PROMOTION)

  let [campaign] = await promotionModule.listCampaigns({ campaign_identifier: [EXPIRED_CAMPAIGN] })
  if (!campaign) {
    const now = Date.now()
    const { result } = await createCampaignsWorkflow(container).run({
      input: {
        campaignsData: [
          {
            name: "Spring sale (ended)",
            description: "Ended yesterday: its codes answer as expired",
            campaign_identifier: EXPIRED_CAMPAIGN,
            starts_at: new Date(now - 30 * DAY),
            ends_at: new Date(now - DAY),
          },
        ],
      },
    })
    campaign = result[0]
  }

  const wanted = promotions({ expired: campaign.id })
  const existing = await promotionModule.listPromotions({ code: wanted.map((p) => p.code) })
  const missing = wanted.filter((p) => !existing.some((e) => e.code === p.code))
  if (missing.length) {
    await createPromotionsWorkflow(container).run({ input: { promotionsData: missing } })
  }
  {
    // Always: it is idempotent, and brings older databases the minimum's rule.
    const [welcome] = await promotionModule.listPromotions({ code: "WELCOME10" })
    await setPromotionMinimumsWorkflow(container).run({
      input: {
        promotion_id: welcome.id,
        minimums: [
          { currency_code: "usd", amount: 50 },
          { currency_code: "jod", amount: 35 },
        ],
      },
    })
  }
  if (missing.some((p) => p.code === "LIMITED1")) {
    // Used up the way an order uses it, so Medusa's own counter says so.
    await promotionModule.registerUsage([{ code: "LIMITED1", amount: 0 }], {
      customer_id: null,
      customer_email: "first-customer@skinior.com",
    })
  }
  report("promotions (SAVE20, FLAT5, WELCOME10, EXPIRED15, LIMITED1)", missing.length, wanted.length - missing.length)
}

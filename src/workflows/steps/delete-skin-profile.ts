import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SKIN_PROFILE_MODULE } from "../../modules/skin-profile"
import type SkinProfileModuleService from "../../modules/skin-profile/service"
import type { ErasureTargets } from "./find-erasure-targets"

export const deleteSkinProfileStepId = "delete-skin-profile"

/** The sealed skin profile (skin type, concerns, date of birth); compensation puts the sealed row back. */
export const deleteSkinProfileStep = createStep(
  deleteSkinProfileStepId,
  async (targets: ErasureTargets, { container }) => {
    const profiles: SkinProfileModuleService = container.resolve(SKIN_PROFILE_MODULE)
    const rows = await profiles.listSkinProfiles({ customer_id: targets.customer_id }, { take: null })
    if (rows.length) await profiles.deleteSkinProfiles(rows.map((r) => r.id))
    return new StepResponse(rows.length, rows.map(({ id, customer_id, key_id, sealed }) => ({ id, customer_id, key_id, sealed })))
  },
  async (rows, { container }) => {
    if (!rows?.length) return
    const profiles: SkinProfileModuleService = container.resolve(SKIN_PROFILE_MODULE)
    await profiles.createSkinProfiles(rows)
  }
)

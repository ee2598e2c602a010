import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SKIN_PROFILE_MODULE } from "../../modules/skin-profile"
import type SkinProfileModuleService from "../../modules/skin-profile/service"
import { EMPTY_SKIN_PROFILE, SkinProfileData } from "../../modules/skin-profile/service"

export type SaveSkinProfileInput = { customer_id: string; profile: Partial<SkinProfileData> }

type Undo = { id: string; key_id: string; sealed: string } | { id: string; created: true }

export const saveSkinProfileStepId = "save-skin-profile"

/**
 * Merges the given fields into the customer's profile and stores it sealed
 * under the current key (so an edit also moves an old row to the new key).
 * Compensation puts the previous sealed row back, or deletes a new one.
 */
export const saveSkinProfileStep = createStep(
  saveSkinProfileStepId,
  async ({ customer_id, profile }: SaveSkinProfileInput, { container }) => {
    const service: SkinProfileModuleService = container.resolve(SKIN_PROFILE_MODULE)
    const [existing] = await service.listSkinProfiles({ customer_id })
    const merged: SkinProfileData = {
      ...(existing ? await service.open(existing) : EMPTY_SKIN_PROFILE),
      ...Object.fromEntries(Object.entries(profile).filter(([, v]) => v !== undefined)),
    }
    const sealed = await service.seal(customer_id, merged)
    if (existing) {
      await service.updateSkinProfiles({ id: existing.id, ...sealed })
      return new StepResponse<SkinProfileData, Undo>(merged, { id: existing.id, key_id: existing.key_id, sealed: existing.sealed })
    }
    const created = await service.createSkinProfiles(sealed)
    return new StepResponse<SkinProfileData, Undo>(merged, { id: created.id, created: true })
  },
  async (undo: Undo | undefined, { container }) => {
    if (!undo) return
    const service: SkinProfileModuleService = container.resolve(SKIN_PROFILE_MODULE)
    if ("created" in undo) {
      await service.deleteSkinProfiles(undo.id)
    } else {
      await service.updateSkinProfiles(undo)
    }
  }
)

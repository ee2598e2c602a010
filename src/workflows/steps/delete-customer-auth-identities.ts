import type { IAuthModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ErasureTargets } from "./find-erasure-targets"

type Undo = { deleted: any[]; unlinked: { id: string; app_metadata: Record<string, unknown> | null }[] }

export const deleteCustomerAuthIdentitiesStepId = "delete-customer-auth-identities"

/**
 * The customer's login dies: their auth identities are deleted with their
 * emailpass provider identity (email and password hash), reset tokens and
 * verification codes (the auth module cascades), so the email can register
 * again. As in Medusa's removeCustomerAccountWorkflow, an identity that also
 * serves another actor (an Admin user with the same email) is kept and only
 * loses its customer. Compensation re-creates what was deleted.
 */
export const deleteCustomerAuthIdentitiesStep = createStep(
  deleteCustomerAuthIdentitiesStepId,
  async (targets: ErasureTargets, { container }) => {
    const auth: IAuthModuleService = container.resolve(Modules.AUTH)
    const undo: Undo = { deleted: [], unlinked: [] }
    if (!targets.auth_identity_ids.length) return new StepResponse(0, undo)
    const identities = await auth.listAuthIdentities({ id: targets.auth_identity_ids }, { relations: ["provider_identities"] })
    for (const identity of identities) {
      const metadata = (identity.app_metadata ?? {}) as Record<string, unknown>
      const servesOthers = Object.entries(metadata).some(([key, value]) => key !== "customer_id" && value != null)
      if (servesOthers) {
        await auth.updateAuthIdentities({ id: identity.id, app_metadata: { ...metadata, customer_id: null } })
        undo.unlinked.push({ id: identity.id, app_metadata: metadata })
      } else {
        undo.deleted.push(identity)
      }
    }
    if (undo.deleted.length) await auth.deleteAuthIdentities(undo.deleted.map((i) => i.id))
    return new StepResponse(identities.length, undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    const auth: IAuthModuleService = container.resolve(Modules.AUTH)
    if (undo.deleted.length) await auth.createAuthIdentities(undo.deleted)
    for (const { id, app_metadata } of undo.unlinked) await auth.updateAuthIdentities({ id, app_metadata: app_metadata ?? {} })
  }
)

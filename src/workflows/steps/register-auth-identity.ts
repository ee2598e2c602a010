import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ApiError } from "../../lib/errors"

export const registerAuthIdentityStepId = "register-auth-identity"

/**
 * 409 for an email that already has an identity. It says no more than that
 * this email cannot register, and points to sign-in and reset.
 */
export const emailTaken = () =>
  new ApiError(409, "CONFLICT", "An account cannot be created with this email", [
    { field: "email", message: "Sign in, or reset the password, instead" },
  ])

/**
 * Medusa's emailpass identity for the email (the provider hashes the
 * password with scrypt). Undone by deleting the identity.
 */
export const registerAuthIdentityStep = createStep(
  registerAuthIdentityStepId,
  async (input: { email: string; password: string }, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const { success, authIdentity, error } = await auth.register("emailpass", {
      body: { email: input.email, password: input.password },
    })
    if (!success || !authIdentity) {
      // The provider's words for a taken email; a lost race on its unique index reads otherwise.
      const existing = await auth.listProviderIdentities({ entity_id: input.email, provider: "emailpass" })
      if (existing.length || /already exists/i.test(error ?? "")) throw emailTaken()
      throw new ApiError(400, "VALIDATION_ERROR", "Could not register this email")
    }
    return new StepResponse({ id: authIdentity.id }, authIdentity.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve(Modules.AUTH).deleteAuthIdentities([id])
  }
)

import type { IAuthModuleService, ICustomerModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, generateJwtToken, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ApiError } from "../../lib/errors"

export const EMAILPASS = "emailpass"

export type CustomerIdentity = { auth_identity_id: string; customer_id: string; email: string }

/** The emailpass identity of an account holder (an identity with a customer), or null. */
export async function findCustomerIdentity(
  auth: IAuthModuleService,
  email: string
): Promise<CustomerIdentity | null> {
  const [provider] = await auth.listProviderIdentities(
    { entity_id: email, provider: EMAILPASS },
    { select: ["auth_identity_id"] }
  )
  if (!provider?.auth_identity_id) return null
  const identity = await auth.retrieveAuthIdentity(provider.auth_identity_id, { select: ["id", "app_metadata"] })
  const customerId = identity.app_metadata?.customer_id
  return typeof customerId === "string" && customerId
    ? { auth_identity_id: identity.id, customer_id: customerId, email }
    : null
}

export const findCustomerIdentityStepId = "find-customer-identity"

export const findCustomerIdentityStep = createStep(
  findCustomerIdentityStepId,
  async (input: { email: string }, { container }) => {
    const identity = await findCustomerIdentity(container.resolve(Modules.AUTH), input.email)
    return new StepResponse(identity)
  }
)

export const PASSWORD_RESET_SECONDS = 15 * 60

export const createResetTokenStepId = "create-customer-reset-token"

/**
 * Medusa's own reset token: a single-use row (auth module) and a JWT naming
 * it (purpose "reset", jti), signed like generateResetPasswordTokenWorkflow
 * signs it, so Medusa's /auth/customer/emailpass/update accepts it as well.
 */
export const createResetTokenStep = createStep(
  createResetTokenStepId,
  async (input: { email: string }, { container }) => {
    const auth: IAuthModuleService = container.resolve(Modules.AUTH)
    const { http } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
    const { jti } = await auth.createPasswordResetToken({
      provider: EMAILPASS,
      entity_id: input.email,
      ttl_seconds: PASSWORD_RESET_SECONDS,
    })
    const token = generateJwtToken(
      { entity_id: input.email, provider: EMAILPASS, actor_type: "customer", purpose: "reset" },
      {
        secret: http.jwtSecret as string,
        expiresIn: `${PASSWORD_RESET_SECONDS}s`,
        jwtOptions: { ...(http.jwtOptions ?? {}), jwtid: jti },
      }
    )
    return new StepResponse({ token }, { jti, email: input.email })
  },
  async (data, { container }) => {
    if (!data) return
    const auth: IAuthModuleService = container.resolve(Modules.AUTH)
    // Consuming is deleting: an unsent link must not stay valid.
    await auth
      .consumePasswordResetToken({ jti: data.jti, provider: EMAILPASS, entity_id: data.email })
      .catch(() => undefined)
  }
)

export const RESET_TOKEN_USED = "Reset token is invalid or already used"

export const consumeResetTokenStepId = "consume-customer-reset-token"

/** Spends the reset token (Medusa deletes its row): a second use is a 400. Not undone. */
export const consumeResetTokenStep = createStep(
  consumeResetTokenStepId,
  async (input: { email: string; jti: string }, { container }) => {
    const auth: IAuthModuleService = container.resolve(Modules.AUTH)
    try {
      const spent = await auth.consumePasswordResetToken({ jti: input.jti, provider: EMAILPASS, entity_id: input.email })
      return new StepResponse({ auth_identity_id: spent.auth_identity_id })
    } catch {
      throw new ApiError(400, "VALIDATION_ERROR", RESET_TOKEN_USED, [{ field: "token", message: RESET_TOKEN_USED }])
    }
  }
)

export const setPasswordStepId = "set-customer-password"

/** The emailpass provider hashes (scrypt) and stores the new password. */
export const setPasswordStep = createStep(
  setPasswordStepId,
  async (input: { email: string; password: string }, { container }) => {
    const auth: IAuthModuleService = container.resolve(Modules.AUTH)
    const { success, error } = await auth.updateProvider(EMAILPASS, { entity_id: input.email, password: input.password })
    if (!success) throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, error ?? "Password not updated")
    return new StepResponse(undefined)
  }
)

export const VERIFICATION_CODE_INVALID = "Verification code is invalid or already used"
export const VERIFICATION_CODE_EXPIRED = "Verification code has expired: ask for a new one"

export const confirmEmailVerificationStepId = "confirm-email-verification"

/**
 * Confirms a code with Medusa's token verification provider (single use,
 * 15 minutes). Its errors become ours: unknown or used → 400, expired → 410.
 */
export const confirmEmailVerificationStep = createStep(
  confirmEmailVerificationStepId,
  async (input: { code: string }, { container }) => {
    const auth: IAuthModuleService = container.resolve(Modules.AUTH)
    try {
      const verification = await auth.confirmAuthVerification({ code: input.code, code_provider: "token" })
      return new StepResponse({
        auth_identity_id: verification.auth_identity_id as string,
        email: verification.entity_id as string,
        entity_type: verification.entity_type as string,
      })
    } catch (e) {
      if (/expired/i.test((e as Error).message ?? "")) {
        throw new ApiError(410, "GONE", VERIFICATION_CODE_EXPIRED, [{ field: "code", message: VERIFICATION_CODE_EXPIRED }])
      }
      throw new ApiError(400, "VALIDATION_ERROR", VERIFICATION_CODE_INVALID, [
        { field: "code", message: VERIFICATION_CODE_INVALID },
      ])
    }
  }
)

export const EMAIL_VERIFIED_KEY = "email_verified_at"

export const markEmailVerifiedStepId = "mark-email-verified"

/**
 * Records the verification on the customer (metadata.email_verified_at, which
 * the customer routes show as emailVerified), merged into the existing
 * metadata; undone by putting the previous metadata back. A code mailed to an
 * address the customer no longer has verifies nothing (400).
 */
export const markEmailVerifiedStep = createStep(
  markEmailVerifiedStepId,
  async (input: { auth_identity_id: string; email: string }, { container }) => {
    const auth: IAuthModuleService = container.resolve(Modules.AUTH)
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    const identity = await auth.retrieveAuthIdentity(input.auth_identity_id, { select: ["id", "app_metadata"] })
    const customerId = identity.app_metadata?.customer_id as string | undefined
    const customer = customerId
      ? await customers.retrieveCustomer(customerId, { select: ["id", "email", "metadata"] }).catch(() => null)
      : null
    if (!customer || (customer.email ?? "").toLowerCase() !== input.email.toLowerCase()) {
      throw new ApiError(400, "VALIDATION_ERROR", VERIFICATION_CODE_INVALID, [
        { field: "code", message: VERIFICATION_CODE_INVALID },
      ])
    }
    const previous = customer.metadata ?? null
    const verifiedAt = (previous?.[EMAIL_VERIFIED_KEY] as string | undefined) ?? new Date().toISOString()
    await customers.updateCustomers(customer.id, { metadata: { ...(previous ?? {}), [EMAIL_VERIFIED_KEY]: verifiedAt } })
    return new StepResponse({ customer_id: customer.id, verified_at: verifiedAt }, { id: customer.id, previous })
  },
  async (data, { container }) => {
    if (!data) return
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    await customers.updateCustomers(data.id, { metadata: data.previous })
  }
)

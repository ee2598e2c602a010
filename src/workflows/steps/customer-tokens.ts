import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CustomerTokenOwner, REFRESH_TOKEN_DAYS, signCustomerAccessToken } from "../../lib/customer-auth"
import { CUSTOMER_SESSION_MODULE } from "../../modules/customer-session"
import type CustomerSessionModuleService from "../../modules/customer-session/service"

export const signCustomerAccessTokenStepId = "sign-customer-access-token"

/** Signs the 15-minute access token with projectConfig.http's secret; nothing to undo. */
export const signCustomerAccessTokenStep = createStep(
  signCustomerAccessTokenStepId,
  async (owner: CustomerTokenOwner, { container }) => {
    const { http } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
    return new StepResponse(signCustomerAccessToken(http, owner))
  }
)

export const startRefreshFamilyStepId = "start-refresh-family"

/** A new refresh-token family (one login); undone by deleting its first token. */
export const startRefreshFamilyStep = createStep(
  startRefreshFamilyStepId,
  async (owner: CustomerTokenOwner, { container }) => {
    const sessions: CustomerSessionModuleService = container.resolve(CUSTOMER_SESSION_MODULE)
    const issued = await sessions.startFamily(owner, REFRESH_TOKEN_DAYS)
    return new StepResponse({ refreshToken: issued.token }, issued.id)
  },
  async (id, { container }) => {
    if (!id) return
    const sessions: CustomerSessionModuleService = container.resolve(CUSTOMER_SESSION_MODULE)
    await sessions.deleteCustomerRefreshTokens(id)
  }
)

export const rotateRefreshTokenStepId = "rotate-refresh-token"

/**
 * Exchanges a refresh token for the next. Not undone on a later failure: a
 * token once presented is spent (and a reuse's family revocation must stand).
 */
export const rotateRefreshTokenStep = createStep(
  rotateRefreshTokenStepId,
  async (input: { refreshToken: string }, { container }) => {
    const sessions: CustomerSessionModuleService = container.resolve(CUSTOMER_SESSION_MODULE)
    return new StepResponse(await sessions.rotate(input.refreshToken, REFRESH_TOKEN_DAYS))
  }
)

export const revokeCustomerSessionsStepId = "revoke-customer-sessions"

/** Every refresh token of an auth identity dies (password reset). */
export const revokeCustomerSessionsStep = createStep(
  revokeCustomerSessionsStepId,
  async (input: { auth_identity_id: string }, { container }) => {
    const sessions: CustomerSessionModuleService = container.resolve(CUSTOMER_SESSION_MODULE)
    await sessions.revokeAllOf(input.auth_identity_id)
    return new StepResponse(undefined)
  }
)

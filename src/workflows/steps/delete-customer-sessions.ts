import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SESSION_MODULE } from "../../modules/customer-session"
import type CustomerSessionModuleService from "../../modules/customer-session/service"
import type { ErasureTargets } from "./find-erasure-targets"

export const deleteCustomerSessionsStepId = "delete-customer-sessions"

/** Every refresh token of the customer, so no session outlives the account; compensation re-creates the rows. */
export const deleteCustomerSessionsStep = createStep(
  deleteCustomerSessionsStepId,
  async (targets: ErasureTargets, { container }) => {
    const sessions: CustomerSessionModuleService = container.resolve(CUSTOMER_SESSION_MODULE)
    const rows = await sessions.listCustomerRefreshTokens({ customer_id: targets.customer_id }, { take: null })
    if (rows.length) await sessions.deleteCustomerRefreshTokens(rows.map((r) => r.id))
    return new StepResponse(rows.length, rows)
  },
  async (rows, { container }) => {
    if (!rows?.length) return
    const sessions: CustomerSessionModuleService = container.resolve(CUSTOMER_SESSION_MODULE)
    await sessions.createCustomerRefreshTokens(
      rows.map(({ id, token_hash, family_id, customer_id, auth_identity_id, email, expires_at, used_at, revoked_at }) => ({
        id,
        token_hash,
        family_id,
        customer_id,
        auth_identity_id,
        email,
        expires_at,
        used_at,
        revoked_at,
      }))
    )
  }
)

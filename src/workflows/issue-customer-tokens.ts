import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { signCustomerAccessTokenStep, startRefreshFamilyStep } from "./steps/customer-tokens"

export type IssueCustomerTokensInput = { auth_identity_id: string; customer_id: string; email: string }
export type CustomerTokens = { accessToken: string; refreshToken: string; expiresIn: number }

export const issueCustomerTokensWorkflowId = "issue-customer-tokens"

/**
 * The tokens of a sign-in (login, registration): a Medusa customer JWT for
 * 15 minutes (accepted on /store and /api/v1) and an opaque refresh token for
 * 30 days, the first of a new family, stored only as its hash.
 */
export const issueCustomerTokensWorkflow = createWorkflow(
  issueCustomerTokensWorkflowId,
  (input: IssueCustomerTokensInput) => {
    const owner = transform({ input }, ({ input }) => ({
      customer_id: input.customer_id,
      auth_identity_id: input.auth_identity_id,
      email: input.email,
    }))
    const refresh = startRefreshFamilyStep(owner)
    const access = signCustomerAccessTokenStep(owner)
    return new WorkflowResponse(
      transform({ refresh, access }, ({ refresh, access }): CustomerTokens => ({
        accessToken: access.accessToken,
        refreshToken: refresh.refreshToken,
        expiresIn: access.expiresIn,
      }))
    )
  }
)

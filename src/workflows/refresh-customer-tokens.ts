import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { rotateRefreshTokenStep, signCustomerAccessTokenStep } from "./steps/customer-tokens"

export const refreshCustomerTokensWorkflowId = "refresh-customer-tokens"

/**
 * Rotation: the presented refresh token is spent and the next of its family
 * comes back with a new access token. `tokens` is null when the token was
 * unknown, expired, revoked or reused (a reuse has revoked the family); the
 * route answers 401 then.
 */
export const refreshCustomerTokensWorkflow = createWorkflow(
  refreshCustomerTokensWorkflowId,
  (input: { refreshToken: string }) => {
    const rotation = rotateRefreshTokenStep(input)
    const access = when({ rotation }, ({ rotation }) => rotation.outcome === "rotated").then(() =>
      signCustomerAccessTokenStep(
        transform({ rotation }, ({ rotation }) => {
          const r = rotation as Extract<typeof rotation, { outcome: "rotated" }>
          return { customer_id: r.customer_id, auth_identity_id: r.auth_identity_id, email: r.email }
        })
      )
    )
    return new WorkflowResponse(
      transform({ rotation, access }, ({ rotation, access }) => ({
        outcome: rotation.outcome,
        customerId: rotation.outcome === "rotated" ? rotation.customer_id : null,
        tokens:
          rotation.outcome === "rotated" && access
            ? { accessToken: access.accessToken, refreshToken: rotation.token, expiresIn: access.expiresIn }
            : null,
      }))
    )
  }
)

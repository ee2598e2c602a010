import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refreshCustomerTokensWorkflow } from "../../../../../workflows/refresh-customer-tokens"
import { badRefreshToken } from "../errors"
import type { RefreshBody } from "../validators"

/** Rotates: the presented refresh token dies, the next one and a new access token come back. */
export async function POST(req: MedusaRequest<RefreshBody>, res: MedusaResponse) {
  const { result } = await refreshCustomerTokensWorkflow(req.scope).run({
    input: { refreshToken: req.validatedBody.refreshToken },
  })
  if (!result.tokens) throw badRefreshToken()
  res.status(200).json({ data: result.tokens })
}

import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { normalizeEmail, spendPasswordCheck } from "../../../../../lib/customer-auth"
import { EMAILPASS, findCustomerIdentity } from "../../../../../workflows/steps/customer-account-auth"
import { issueCustomerTokensWorkflow } from "../../../../../workflows/issue-customer-tokens"
import { badCredentials } from "../errors"
import type { LoginBody } from "../validators"

/**
 * Email and password through Medusa's emailpass provider, then the tokens of
 * a sign-in. An unknown email spends the same scrypt work as a wrong password
 * and both get the same 401, so neither the answer nor its time tells whether
 * an account exists.
 */
export async function POST(req: MedusaRequest<LoginBody>, res: MedusaResponse) {
  const email = normalizeEmail(req.validatedBody.email)
  const { password } = req.validatedBody
  const auth = req.scope.resolve(Modules.AUTH)
  const identity = await findCustomerIdentity(auth, email)
  if (!identity) {
    await spendPasswordCheck(password)
    throw badCredentials()
  }
  const { success, authIdentity } = await auth.authenticate(EMAILPASS, { body: { email, password } })
  if (!success || authIdentity?.id !== identity.auth_identity_id) throw badCredentials()

  const { result } = await issueCustomerTokensWorkflow(req.scope).run({ input: identity })
  res.status(200).json({ data: result })
}

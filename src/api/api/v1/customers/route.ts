import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { assertPasswordAcceptable } from "../../../../lib/customer-auth"
import { issueCustomerTokensWorkflow } from "../../../../workflows/issue-customer-tokens"
import { registerCustomerWorkflow } from "../../../../workflows/register-customer"
import { sendVerificationEmailWorkflow } from "../../../../workflows/send-verification-email"
import { presentCustomerById } from "../../../utils/customer"
import type { RegisterCustomerBody } from "./validators"

/**
 * Registration: Medusa identity, customer and sealed skin profile in one
 * workflow, then the tokens of a login and the verification email. A failed
 * email does not undo the account: the customer can ask for another code.
 */
export async function POST(req: MedusaRequest<RegisterCustomerBody>, res: MedusaResponse) {
  const body = req.validatedBody
  assertPasswordAcceptable(body.password, body.email)
  const { result } = await registerCustomerWorkflow(req.scope).run({
    input: {
      email: body.email,
      password: body.password,
      first_name: body.firstName,
      last_name: body.lastName,
      phone: body.phone ?? null,
      profile: {
        skin_type: body.skinType ?? null,
        skin_concerns: body.skinConcerns ?? [],
        date_of_birth: body.dateOfBirth ?? null,
      },
    },
  })
  const owner = { ...result, email: body.email }
  const { result: tokens } = await issueCustomerTokensWorkflow(req.scope).run({ input: owner })
  try {
    await sendVerificationEmailWorkflow(req.scope).run({ input: owner })
  } catch (e) {
    req.scope
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`Verification email for customer ${result.customer_id} failed: ${(e as Error).message}`)
  }
  res.status(201).json({
    data: { ...(await presentCustomerById(req.scope, result.customer_id)), tokens },
    message: "Account created",
  })
}

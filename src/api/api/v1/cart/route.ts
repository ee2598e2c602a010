import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createCartWorkflow } from "@medusajs/medusa/core-flows"
import { presentCartById } from "../../../utils/cart"
import { assertActingAs, regionForCurrency } from "./helpers"
import type { CreateCartBody } from "./validators"

export async function POST(req: AuthenticatedMedusaRequest<CreateCartBody>, res: MedusaResponse) {
  const actorId = req.auth_context?.actor_id
  const { customerId, currency } = req.validatedBody
  assertActingAs(customerId, actorId)
  const regionId = await regionForCurrency(req.scope, currency)
  const { result } = await createCartWorkflow(req.scope).run({
    input: {
      region_id: regionId,
      currency_code: currency.toLowerCase(),
      // A signed-in shopper's cart is theirs, as on Medusa's /store/carts.
      customer_id: customerId ?? actorId ?? undefined,
    },
  })
  res.status(201).json({ data: await presentCartById(req.scope, result.id, actorId) })
}

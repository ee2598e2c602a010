import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { notFoundError } from "../../lib/errors"

/** A published product by id or handle; anything else is the contract's 404. */
export async function findPublishedProduct(scope: MedusaContainer, idOrHandle: string, fields = ["id"]) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const filters = idOrHandle.startsWith("prod_") ? { id: idOrHandle } : { handle: idOrHandle }
  const {
    data: [product],
  } = await query.graph({ entity: "product", fields: [...fields, "status"], filters })
  if (!product || product.status !== "published") {
    throw notFoundError(`Product ${idOrHandle} not found`)
  }
  return product
}

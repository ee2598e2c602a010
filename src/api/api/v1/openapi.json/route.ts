import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendJsonAnswer } from "../../../http/http-cache"
import { openApiAnswer } from "../../../openapi"

/** The OpenAPI 3.1 document (public and cacheable: src/api/openapi/middlewares.ts). */
export async function GET(_req: MedusaRequest, res: MedusaResponse) {
  sendJsonAnswer(res, openApiAnswer())
}

import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DOCS_CSP, DOCS_HTML } from "../../../openapi/docs-page"

/** Swagger UI over /api/v1/openapi.json, with every file served from here. */
export async function GET(_req: MedusaRequest, res: MedusaResponse) {
  res.setHeader("Content-Security-Policy", DOCS_CSP)
  res.type("html").send(DOCS_HTML)
}

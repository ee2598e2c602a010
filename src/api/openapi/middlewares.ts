import type { MiddlewareRoute } from "@medusajs/framework/http"
import { publicCatalogue } from "../http/http-cache"

/** The document and the docs page are the same for everyone: public, ETag, 304 like the catalogue. */
export const openApiMiddlewares: MiddlewareRoute[] = ["/api/v1/openapi.json", "/api/v1/docs"].map((matcher) => ({
  matcher,
  methods: ["GET"],
  middlewares: [publicCatalogue],
}))

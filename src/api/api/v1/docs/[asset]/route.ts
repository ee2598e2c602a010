import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { notFoundError } from "../../../../../lib/errors"
import { printable } from "../../../../../lib/text-safety"
import { ifNoneMatchHits } from "../../../../http/http-cache"
import { docsAsset } from "../../../../openapi/docs-page"

// The files change only with the pinned swagger-ui-dist version: a day in any cache.
const ASSET_CACHE_CONTROL = "public, max-age=86400"

/** The docs page's script, styles and icon; any other name is a 404. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const asset = docsAsset(req.params.asset)
  if (!asset) throw notFoundError(`No documentation file ${printable(req.params.asset)}`)
  res.setHeader("Cache-Control", ASSET_CACHE_CONTROL)
  res.setHeader("ETag", asset.etag)
  if (ifNoneMatchHits(req.get("if-none-match"), asset.etag)) {
    res.status(304).end()
    return
  }
  res.type(asset.type).send(asset.body)
}

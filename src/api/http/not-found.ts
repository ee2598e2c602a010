import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { notFoundError } from "../../lib/errors"
import { printable } from "../../lib/text-safety"
import { findRoute } from "./route-index"

/**
 * Medusa's file router has no catch-all, and express answers an unknown path
 * with its own HTML 404. This middleware runs before the route handlers and
 * asks whether any route will take the request (through the route index, not
 * a walk of express's stack); when none will, it answers the contract's 404.
 */
export function rejectUnknownRoutes(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  const path = req.originalUrl.split("?")[0]
  if (!findRoute(req, path)) {
    return next(notFoundError(`No route ${req.method} ${printable(path)}`))
  }
  next()
}

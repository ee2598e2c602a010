import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { notFoundError } from "../../lib/errors"
import { printable } from "../../lib/text-safety"

type RouteLayer = {
  regexp: RegExp
  route?: { methods: Record<string, boolean> }
}

/**
 * Medusa's file router has no catch-all, and express answers an unknown path
 * with its own HTML 404. This middleware runs before the route handlers and
 * asks express whether any route will take the request; when none will, it
 * answers the contract's 404 instead.
 */
export function rejectUnknownRoutes(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  const stack: RouteLayer[] = (req.app as unknown as { _router?: { stack: RouteLayer[] } })
    ._router?.stack ?? []
  const method = req.method.toLowerCase()
  const path = req.originalUrl.split("?")[0]
  const handled = stack.some(
    (layer) =>
      layer.route &&
      (layer.route.methods[method] || layer.route.methods._all || (method === "head" && layer.route.methods.get)) &&
      layer.regexp.test(path)
  )
  if (!handled) {
    return next(notFoundError(`No route ${req.method} ${printable(path)}`))
  }
  next()
}

import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { ErrorDetail, validationError } from "../../lib/errors"
import { printable } from "../../lib/text-safety"

type Issue = z.core.$ZodIssue

function describe(issue: Issue, source: unknown): ErrorDetail[] {
  if (issue.code === "unrecognized_keys") {
    // An unknown key is the caller's text: at most 100 characters of it come back.
    return issue.keys.map((key) => ({
      field: [...issue.path.map(String), printable(key)].join("."),
      message: "Unknown field",
    }))
  }
  const field = issue.path.length ? issue.path.map(String).join(".") : "body"
  const missing =
    issue.code === "invalid_type" &&
    issue.path.length > 0 &&
    issue.path.reduce<unknown>(
      (value, key) => (value && typeof value === "object" ? (value as any)[key as any] : undefined),
      source
    ) === undefined
  return [{ field, message: missing ? `${field} is required` : issue.message }]
}

/** One detail per bad field, in the order the schema reports them. */
export function issuesToDetails(issues: Issue[], source: unknown): ErrorDetail[] {
  const seen = new Set<string>()
  return issues
    .flatMap((issue) => describe(issue, source))
    .filter((detail) => !seen.has(detail.field) && seen.add(detail.field))
}

type Options = { status?: number }
type BodyOptions = { status?: number | ((issues: Issue[]) => number) }

/** Validates `req.body` with a zod schema into `req.validatedBody`; `status` may depend on what failed. */
export function validateBody(schema: z.ZodType, { status = 400 }: BodyOptions = {}) {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const result = schema.safeParse(req.body ?? {})
    if (!result.success) {
      const issues = result.error.issues
      return next(
        validationError(
          "Invalid input data",
          issuesToDetails(issues, req.body),
          typeof status === "function" ? status(issues) : status
        )
      )
    }
    req.validatedBody = result.data
    next()
  }
}

/** Validates `req.query` with a zod schema into `req.validatedQuery`. */
export function validateQuery(schema: z.ZodType, { status = 400 }: Options = {}) {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const result = schema.safeParse(req.query ?? {})
    if (!result.success) {
      return next(
        validationError("Invalid query parameters", issuesToDetails(result.error.issues, req.query), status)
      )
    }
    req.validatedQuery = result.data as Record<string, unknown>
    next()
  }
}

/** Validates a query string inside a handler, for routes whose path a middleware matcher cannot single out. */
export function parseQuery<T extends z.ZodType>(schema: T, query: unknown): z.output<T> {
  const result = schema.safeParse(query ?? {})
  if (!result.success) {
    throw validationError("Invalid query parameters", issuesToDetails(result.error.issues, query))
  }
  return result.data
}

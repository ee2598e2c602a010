import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import type { ErrorCode } from "../../lib/errors"

/**
 * The pieces of the OpenAPI document. Request schemas are the very zod
 * schemas the middlewares validate with (converted on their input side);
 * answers are zod schemas declared here, registered under a component name
 * so the document refers to each shape once.
 */
export const components = z.registry<{ id: string; description?: string }>()

/** Registers an answer shape as `#/components/schemas/{id}`. */
export function component<T extends z.ZodType>(id: string, schema: T, description?: string): T {
  components.add(schema, description ? { id, description } : { id })
  return schema
}

export type HttpMethod = "get" | "post" | "put" | "delete"

/** An error answer: what it means on this route, and its code when not the status's usual one. */
export type ErrorSpec = string | { description: string; code: ErrorCode }

export type Example = { summary: string; value: unknown }

export type Operation = {
  method: HttpMethod
  /** OpenAPI path, e.g. /api/v1/cart/{cartId}. */
  path: string
  tag: string
  summary: string
  description?: string
  /** none: public; optional: a customer's Bearer token changes the answer; customer: required. */
  auth: "none" | "optional" | "customer"
  pathParams?: Record<string, string>
  /** The route's query validator; `queryDocs` says what each parameter means. */
  query?: z.ZodType
  queryDocs?: Record<string, string>
  headers?: { name: string; description: string; required?: boolean; example?: string }[]
  /** The answer depends on the sales channel of the x-publishable-api-key header (stock, products shown). */
  salesChannel?: boolean
  body?: z.ZodType
  bodyExamples?: Record<string, Example>
  success: {
    status: number
    description: string
    /** A registered component; omitted for answers that are not JSON. */
    schema?: z.ZodType
    contentType?: string
    examples?: Record<string, Example>
  }
  /** Catalogue answers carry an ETag and answer 304 to If-None-Match. */
  cacheable?: boolean
  errors: Record<number, ErrorSpec>
}

export function componentId(schema: z.ZodType): string {
  const meta = components.get(schema)
  if (!meta) throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "Answer schemas must be registered with component()")
  return meta.id
}

/** JSON Schema 2020-12 (OpenAPI 3.1's dialect) of a request schema, as callers send it. */
export function requestSchema(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as Record<
    string,
    unknown
  >
  delete json.$schema
  return json
}

/** Every registered answer shape, as `components.schemas`. */
export function componentSchemas(): Record<string, Record<string, unknown>> {
  const { schemas } = z.toJSONSchema(components, {
    target: "draft-2020-12",
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Record<string, unknown>> }
  for (const schema of Object.values(schemas)) {
    // A component is not a document of its own: no dialect, and a fragment is no valid $id.
    delete schema.$schema
    delete schema.$id
  }
  return schemas
}

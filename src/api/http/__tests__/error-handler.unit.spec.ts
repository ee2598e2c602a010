import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { toContractError } from "../error-handler"
import { ApiError } from "../../../lib/errors"
import { validateBody, validateQuery } from "../validate"

function runMiddleware(middleware: any, req: Record<string, unknown>) {
  let passed: unknown = "not called"
  middleware(req, {}, (err?: unknown) => (passed = err))
  return passed
}

describe("toContractError", () => {
  it.each([
    [MedusaError.Types.INVALID_DATA, 400, "VALIDATION_ERROR"],
    [MedusaError.Types.NOT_ALLOWED, 400, "VALIDATION_ERROR"],
    [MedusaError.Types.UNAUTHORIZED, 401, "AUTHENTICATION_ERROR"],
    [MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR, 402, "PAYMENT_ERROR"],
    [MedusaError.Types.FORBIDDEN, 403, "AUTHORIZATION_ERROR"],
    [MedusaError.Types.NOT_FOUND, 404, "RESOURCE_NOT_FOUND"],
    [MedusaError.Types.CONFLICT, 409, "CONFLICT"],
    [MedusaError.Types.DUPLICATE_ERROR, 409, "CONFLICT"],
  ])("maps a MedusaError of type %s to %i %s", (type, status, code) => {
    expect(toContractError(new MedusaError(type, "what went wrong"))).toEqual({
      status,
      code,
      message: "what went wrong",
    })
  })

  it("keeps an ApiError's own status, code and details", () => {
    const details = [{ field: "variantId", message: "Only 2 left", available: 2 }]
    expect(toContractError(new ApiError(409, "INVENTORY_ERROR", "Not enough stock", details))).toEqual({
      status: 409,
      code: "INVENTORY_ERROR",
      message: "Not enough stock",
      details,
    })
  })

  it.each([
    ["PostgreSQL refusing connections", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["PostgreSQL shutting down (57P01)", { code: "57P01", message: "terminating connection due to administrator command" }],
    ["PostgreSQL starting up (57P03)", { code: "57P03", message: "the database system is starting up" }],
    ["a pool that cannot connect", new Error("Knex: Timeout acquiring a connection. The pool is probably full.")],
    ["Redis gone (ioredis)", Object.assign(new Error("Reached the max retries per request limit (which is 20)."), { name: "MaxRetriesPerRequestError" })],
    ["a workflow's plain-object copy of a lost connection", { message: "Connection terminated unexpectedly" }],
    ["a MedusaError wrapping a lost connection", new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "Connection terminated unexpectedly")],
    ["a cause that is a refused connection", Object.assign(new Error("query failed"), { cause: { code: "ECONNREFUSED" } })],
  ])("answers 503 SERVICE_UNAVAILABLE for %s", (_, err) => {
    expect(toContractError(err)).toEqual({
      status: 503,
      code: "SERVICE_UNAVAILABLE",
      message: "The shop cannot reach its database or cache right now. Try again in a few seconds.",
    })
  })

  it("keeps a 4xx MedusaError a 4xx even when its message mentions a connection", () => {
    expect(toContractError(new MedusaError(MedusaError.Types.INVALID_DATA, "ECONNREFUSED is not a valid name")).status).toBe(400)
  })

  it("hides everything about an unexpected error behind a 500", () => {
    const error = toContractError(new Error('relation "secret_table" does not exist'))
    expect(error.status).toBe(500)
    expect(error.code).toBe("INTERNAL_ERROR")
    expect(error.message).not.toMatch(/secret_table/)
    expect(toContractError(new MedusaError(MedusaError.Types.DB_ERROR, "SQL text")).status).toBe(500)
    expect(toContractError("a string").status).toBe(500)
  })

  it("maps body-parser failures", () => {
    expect(toContractError({ status: 400, type: "entity.parse.failed" }).status).toBe(400)
    expect(toContractError({ status: 413, type: "entity.too.large" })).toMatchObject({
      status: 413,
      code: "VALIDATION_ERROR",
    })
  })
})

describe("validateBody", () => {
  const schema = z
    .object({
      email: z.string().email(),
      quantity: z.number().int().min(1),
      address: z.object({ city: z.string() }).strict(),
    })
    .strict()

  it("passes valid input on as validatedBody", () => {
    const req: Record<string, unknown> = {
      body: { email: "a@b.co", quantity: 2, address: { city: "Amman" } },
    }
    expect(runMiddleware(validateBody(schema), req)).toBeUndefined()
    expect(req.validatedBody).toEqual({ email: "a@b.co", quantity: 2, address: { city: "Amman" } })
  })

  it("answers 400 with one detail per bad field, missing and unknown ones included", () => {
    const err = runMiddleware(validateBody(schema), {
      body: { email: "nope", quantity: 1.5, address: {}, coupon: "X", extra: 1 },
    }) as ApiError
    expect(err).toBeInstanceOf(ApiError)
    expect(err.status).toBe(400)
    expect(err.errorCode).toBe("VALIDATION_ERROR")
    expect(err.details!.map((d) => d.field).sort()).toEqual(
      ["address.city", "coupon", "email", "extra", "quantity"].sort()
    )
    expect(err.details!.find((d) => d.field === "address.city")!.message).toBe(
      "address.city is required"
    )
    expect(err.details!.find((d) => d.field === "coupon")!.message).toBe("Unknown field")
  })

  it("can answer with another status, such as 422", () => {
    const err = runMiddleware(validateBody(schema, { status: 422 }), { body: {} }) as ApiError
    expect(err.status).toBe(422)
    expect(err.details!.map((d) => d.field)).toEqual(["email", "quantity", "address"])
  })

  it("treats a missing body as an empty one", () => {
    const err = runMiddleware(validateBody(schema), {}) as ApiError
    expect(err.details).toHaveLength(3)
  })
})

describe("validateQuery", () => {
  it("coerces and validates the query string into validatedQuery", () => {
    const schema = z.object({ page: z.coerce.number().int().min(1) }).strict()
    const req: Record<string, unknown> = { query: { page: "3" } }
    expect(runMiddleware(validateQuery(schema), req)).toBeUndefined()
    expect(req.validatedQuery).toEqual({ page: 3 })
    const err = runMiddleware(validateQuery(schema), { query: { page: "0" } }) as ApiError
    expect(err.details).toEqual([{ field: "page", message: expect.any(String) }])
  })
})

describe("toContractError after a workflow", () => {
  it("still knows an ApiError that a workflow serialised into a plain object", () => {
    const { serializeError } = require("@medusajs/framework/utils")
    const thrown = new ApiError(422, "VALIDATION_ERROR", "Too many", [{ field: "quantity", message: "max 10" }])
    expect(toContractError(serializeError(thrown))).toEqual({
      status: 422,
      code: "VALIDATION_ERROR",
      message: "Too many",
      details: [{ field: "quantity", message: "max 10" }],
    })
  })
})

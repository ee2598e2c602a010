import { z } from "@medusajs/framework/zod"
import { PASSWORD_MAX_LENGTH } from "../../../../lib/customer-auth"
import { LIMITS } from "../../../../lib/text-safety"
import { CONCERNS, SKIN_TYPES } from "../../../../modules/skincare/vocabulary"
import { CheckoutAddress } from "../checkout/validators"

const E164 = /^\+[1-9]\d{6,14}$/
const name = z.string().trim().min(1).max(LIMITS.name)
const phone = z.string().trim().max(LIMITS.phone).regex(E164, "phone must be in E.164 form, e.g. +962791234567")

/** A calendar date of birth: YYYY-MM-DD that exists, from 1900 up to today. */
const dateOfBirth = z
  .string()
  .max(10)
  .regex(/^\d{4}-\d{2}-\d{2}$/, "dateOfBirth must be a date as YYYY-MM-DD")
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`)
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
  }, "dateOfBirth is not a calendar date")
  .refine((value) => value >= "1900-01-01" && value <= new Date().toISOString().slice(0, 10), {
    message: "dateOfBirth must be between 1900-01-01 and today",
  })

// Concerns come back in the vocabulary's order, each once.
const skinConcerns = z
  .array(z.enum(CONCERNS))
  .max(CONCERNS.length)
  .transform((list) => CONCERNS.filter((c) => list.includes(c)))

const profileFields = {
  phone: phone.nullable().optional(),
  dateOfBirth: dateOfBirth.nullable().optional(),
  skinType: z.enum(SKIN_TYPES).nullable().optional(),
  skinConcerns: skinConcerns.optional(),
}

export const RegisterCustomerBody = z
  .object({
    email: z.string().trim().max(LIMITS.email).email().transform((e) => e.toLowerCase()),
    password: z.string().max(PASSWORD_MAX_LENGTH),
    firstName: name,
    lastName: name,
    ...profileFields,
  })
  .strict()
export type RegisterCustomerBody = z.infer<typeof RegisterCustomerBody>

export const UpdateCustomerBody = z
  .object({ firstName: name.optional(), lastName: name.optional(), ...profileFields })
  .strict()
export type UpdateCustomerBody = z.infer<typeof UpdateCustomerBody>

/** A saved address: the checkout address, phone in E.164, and whether checkout uses it by default. */
export const CreateAddressBody = CheckoutAddress.omit({ email: true })
  .extend({ phone: phone.optional(), isDefaultShipping: z.boolean().optional() })
  .strict()
export type CreateAddressBody = z.infer<typeof CreateAddressBody>

export const UpdateAddressBody = CreateAddressBody.partial().strict()
export type UpdateAddressBody = z.infer<typeof UpdateAddressBody>

export const RecommendationsQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(50).default(10),
    currency: z
      .string()
      .max(3)
      .transform((c) => c.toUpperCase())
      .pipe(z.enum(["USD", "JOD"]))
      .default("USD"),
  })
  .strict()
export type RecommendationsQuery = z.infer<typeof RecommendationsQuery>

import { z } from "@medusajs/framework/zod"
import { PASSWORD_MAX_LENGTH } from "../../../../lib/customer-auth"
import { LIMITS } from "../../../../lib/text-safety"

const email = z.string().trim().max(LIMITS.email).email()
// Opaque tokens: refresh tokens are 43 characters, reset JWTs a few hundred.
const token = z.string().trim().min(1).max(2048)

export const LoginBody = z.object({ email, password: z.string().min(1).max(PASSWORD_MAX_LENGTH) }).strict()
export type LoginBody = z.infer<typeof LoginBody>

export const RefreshBody = z.object({ refreshToken: token }).strict()
export type RefreshBody = z.infer<typeof RefreshBody>

export const PasswordResetBody = z.object({ email }).strict()
export type PasswordResetBody = z.infer<typeof PasswordResetBody>

// The password's own rules (length, not the email) need the token's email: checked in the route.
export const PasswordResetConfirmBody = z.object({ token, password: z.string().max(PASSWORD_MAX_LENGTH) }).strict()
export type PasswordResetConfirmBody = z.infer<typeof PasswordResetConfirmBody>

export const VerifyEmailBody = z.object({ code: z.string().trim().min(1).max(LIMITS.code) }).strict()
export type VerifyEmailBody = z.infer<typeof VerifyEmailBody>

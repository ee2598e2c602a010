import { z } from "@medusajs/framework/zod"
import {
  LoginBody,
  PasswordResetBody,
  PasswordResetConfirmBody,
  RefreshBody,
  VerifyEmailBody,
} from "../api/v1/auth/validators"
import type { Operation } from "./registry"
import { answer, DateTime, Tokens } from "./schemas"

const TokensAnswer = answer("TokensAnswer", Tokens)
const flag = (id: string, name: string) => answer(id, z.object({ [name]: z.literal(true) }), true)
const refreshToken = { refreshToken: "k3Jx9mQ2vW8pL5nR7tY4bC6dF1gH0jZ_aSeUiOqXyTw" }

export const authOperations: Operation[] = [
  {
    method: "post",
    path: "/api/v1/auth/login",
    tag: "Auth",
    summary: "Sign in",
    description:
      "Answers an access token (a Medusa customer JWT, 15 minutes: send it as Authorization: Bearer on /api/v1 and " +
      "/store) and a refresh token (30 days, single use).",
    auth: "none",
    body: LoginBody,
    bodyExamples: { login: { summary: "Email and password", value: { email: "customer@example.com", password: "correct horse battery" } } },
    success: {
      status: 200,
      description: "The tokens",
      schema: TokensAnswer,
      examples: { tokens: { summary: "Signed in", value: { data: { accessToken: "eyJhbGciOiJIUzI1NiIs...", ...refreshToken, expiresIn: 900 } } } },
    },
    errors: { 400: "email or password missing or malformed", 401: "Invalid email or password (the same answer for both)" },
  },
  {
    method: "post",
    path: "/api/v1/auth/refresh",
    tag: "Auth",
    summary: "Refresh the tokens",
    description: "Rotates: the refresh token sent dies and the answer carries the next one. Reusing a dead one signs the device out (its whole family is revoked).",
    auth: "none",
    body: RefreshBody,
    bodyExamples: { refresh: { summary: "The last refresh token", value: refreshToken } },
    success: { status: 200, description: "New tokens", schema: TokensAnswer },
    errors: { 400: "refreshToken missing", 401: "Refresh token invalid, expired, revoked or reused" },
  },
  {
    method: "post",
    path: "/api/v1/auth/logout",
    tag: "Auth",
    summary: "Sign out",
    description: "Revokes the refresh token's family (this device). Needs no access token; the access token runs out within 15 minutes.",
    auth: "none",
    body: RefreshBody,
    bodyExamples: { logout: { summary: "The current refresh token", value: refreshToken } },
    success: { status: 200, description: "Signed out", schema: flag("RevokedAnswer", "revoked") },
    errors: { 400: "refreshToken missing", 401: "Refresh token unknown" },
  },
  {
    method: "post",
    path: "/api/v1/auth/password-reset",
    tag: "Auth",
    summary: "Ask for a password reset link",
    description: "Always 202, whether or not the email has an account; the link is mailed, valid 15 minutes, single use.",
    auth: "none",
    body: PasswordResetBody,
    bodyExamples: { reset: { summary: "Email", value: { email: "customer@example.com" } } },
    success: { status: 202, description: "Accepted", schema: flag("AcceptedAnswer", "accepted") },
    errors: { 400: "email missing or malformed" },
  },
  {
    method: "post",
    path: "/api/v1/auth/password-reset/confirm",
    tag: "Auth",
    summary: "Set a new password from the link",
    description: "Every refresh token of the account is revoked: sign in again.",
    auth: "none",
    body: PasswordResetConfirmBody,
    bodyExamples: { confirm: { summary: "Token from the email", value: { token: "eyJhbGciOiJIUzI1NiIs...", password: "a new long passphrase" } } },
    success: { status: 200, description: "Changed", schema: flag("PasswordResetAnswer", "passwordReset") },
    errors: {
      400: "Token unknown or used, or a weak password",
      410: { description: "The link expired", code: "GONE" },
    },
  },
  {
    method: "post",
    path: "/api/v1/auth/verify-email",
    tag: "Auth",
    summary: "Confirm the email address",
    description: "With the code from the registration (or resend) email; needs no token.",
    auth: "none",
    body: VerifyEmailBody,
    bodyExamples: { verify: { summary: "The mailed code", value: { code: "Q7XK2M" } } },
    success: {
      status: 200,
      description: "Confirmed",
      schema: answer("EmailVerifiedAnswer", z.object({ emailVerified: z.literal(true), verifiedAt: DateTime }), true),
    },
    errors: { 400: "Code unknown or used", 410: { description: "The code expired", code: "GONE" } },
  },
  {
    method: "post",
    path: "/api/v1/auth/verify-email/resend",
    tag: "Auth",
    summary: "Mail a new verification code",
    auth: "customer",
    success: { status: 202, description: "Mailed; the previous code stops working", schema: flag("SentAnswer", "sent") },
    errors: { 401: "No valid customer token", 409: "The email address is already verified" },
  },
]

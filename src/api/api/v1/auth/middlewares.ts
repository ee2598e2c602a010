import type { MiddlewareRoute } from "@medusajs/framework/http"
import { requireCustomer } from "../../../http/require-customer"
import { validateBody } from "../../../http/validate"
import { revokeSessionsOnPasswordUpdate } from "./revoke-on-password-update"
import {
  LoginBody,
  PasswordResetBody,
  PasswordResetConfirmBody,
  RefreshBody,
  VerifyEmailBody,
} from "./validators"

/** /api/v1/auth: all public but resend, which mails the signed-in customer. */
export const apiAuthMiddlewares: MiddlewareRoute[] = [
  { matcher: "/api/v1/auth/login", methods: ["POST"], middlewares: [validateBody(LoginBody)] },
  { matcher: "/api/v1/auth/refresh", methods: ["POST"], middlewares: [validateBody(RefreshBody)] },
  { matcher: "/api/v1/auth/logout", methods: ["POST"], middlewares: [validateBody(RefreshBody)] },
  { matcher: "/api/v1/auth/password-reset", methods: ["POST"], middlewares: [validateBody(PasswordResetBody)] },
  {
    matcher: "/api/v1/auth/password-reset/confirm",
    methods: ["POST"],
    middlewares: [validateBody(PasswordResetConfirmBody)],
  },
  { matcher: "/api/v1/auth/verify-email", methods: ["POST"], middlewares: [validateBody(VerifyEmailBody)] },
  { matcher: "/api/v1/auth/verify-email/resend", methods: ["POST"], middlewares: [requireCustomer()] },
  {
    matcher: "/auth/customer/emailpass/update",
    methods: ["POST"],
    middlewares: [revokeSessionsOnPasswordUpdate],
  },
]

import { model } from "@medusajs/framework/utils"

/**
 * One refresh token of a customer. Only the SHA-256 of the token is stored
 * (the token is 32 random bytes, so a fast hash is enough: nothing to guess).
 * A login starts a family; each refresh marks its token used and adds the
 * next one to the same family. A used token presented again means it leaked:
 * the whole family is revoked.
 */
const CustomerRefreshToken = model
  .define("customer_refresh_token", {
    id: model.id({ prefix: "crt" }).primaryKey(),
    token_hash: model.text().unique(),
    family_id: model.text(),
    customer_id: model.text(),
    auth_identity_id: model.text(),
    email: model.text(),
    expires_at: model.dateTime(),
    /** Set when the token was exchanged for the next one. */
    used_at: model.dateTime().nullable(),
    /** Set on logout, reuse, password reset: the token is dead. */
    revoked_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["family_id"] }, { on: ["customer_id"] }, { on: ["auth_identity_id"] }])

export default CustomerRefreshToken

import crypto from "node:crypto"
import type { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import CustomerRefreshToken from "./models/refresh-token"

export type SessionOwner = { customer_id: string; auth_identity_id: string; email: string }

export type IssuedRefreshToken = { id: string; token: string; family_id: string; expires_at: Date }

/** What presenting a refresh token led to; only "rotated" carries a new token. */
export type RotationOutcome =
  | ({ outcome: "rotated" } & SessionOwner & IssuedRefreshToken)
  | { outcome: "unknown" | "expired" | "revoked" | "reused" }

type SqlManager = { execute: (sql: string, params?: unknown[]) => Promise<any[]> }

const DAY_MS = 24 * 60 * 60 * 1000

export function hashRefreshToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex")
}

const INSERT_SQL = `
  insert into customer_refresh_token
    (id, token_hash, family_id, customer_id, auth_identity_id, email, expires_at)
  values (?, ?, ?, ?, ?, ?, ?)`

// The exchange is one conditional update: of two requests presenting the same
// token at once, exactly one finds it unused; the other counts as a reuse.
const CLAIM_SQL = `
  update customer_refresh_token set used_at = now(), updated_at = now()
   where token_hash = ? and deleted_at is null
     and used_at is null and revoked_at is null and expires_at > now()
  returning id, family_id, customer_id, auth_identity_id, email`

const FIND_SQL = `
  select id, family_id, used_at, revoked_at, expires_at from customer_refresh_token
   where token_hash = ? and deleted_at is null`

const REVOKE_FAMILY_SQL = `
  update customer_refresh_token set revoked_at = now(), updated_at = now()
   where family_id = ? and revoked_at is null and deleted_at is null`

const REVOKE_IDENTITY_SQL = `
  update customer_refresh_token set revoked_at = now(), updated_at = now()
   where auth_identity_id = ? and revoked_at is null and deleted_at is null`

/**
 * Refresh tokens of customers: opaque, random, stored as hashes, rotated on
 * every use, revoked by family. Raw SQL (bound parameters only) because
 * rotation must be one atomic claim, which the generated CRUD cannot say.
 */
class CustomerSessionModuleService extends MedusaService({ CustomerRefreshToken }) {
  private manager(sharedContext: Context): SqlManager {
    return sharedContext.transactionManager as SqlManager
  }

  private async insert(
    owner: SessionOwner,
    familyId: string,
    lifetimeDays: number,
    sharedContext: Context
  ): Promise<IssuedRefreshToken> {
    const token = crypto.randomBytes(32).toString("base64url")
    const id = generateEntityId(undefined, "crt")
    const expires_at = new Date(Date.now() + lifetimeDays * DAY_MS)
    await this.manager(sharedContext).execute(INSERT_SQL, [
      id,
      hashRefreshToken(token),
      familyId,
      owner.customer_id,
      owner.auth_identity_id,
      owner.email,
      expires_at,
    ])
    return { id, token, family_id: familyId, expires_at }
  }

  /** A new family (a login) with its first token. */
  @InjectTransactionManager()
  async startFamily(
    owner: SessionOwner,
    lifetimeDays: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<IssuedRefreshToken> {
    return this.insert(owner, generateEntityId(undefined, "crtfam"), lifetimeDays, sharedContext)
  }

  /**
   * Exchanges a refresh token for the next one of its family. A token already
   * exchanged or revoked revokes its whole family (it was stolen, or the thief
   * already used it): the caller answers 401 either way.
   */
  @InjectTransactionManager()
  async rotate(
    token: string,
    lifetimeDays: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RotationOutcome> {
    const sql = this.manager(sharedContext)
    const hash = hashRefreshToken(token)
    const [claimed] = await sql.execute(CLAIM_SQL, [hash])
    if (claimed) {
      const owner: SessionOwner = {
        customer_id: claimed.customer_id,
        auth_identity_id: claimed.auth_identity_id,
        email: claimed.email,
      }
      const next = await this.insert(owner, claimed.family_id, lifetimeDays, sharedContext)
      return { outcome: "rotated", ...owner, ...next }
    }
    const [row] = await sql.execute(FIND_SQL, [hash])
    if (!row) return { outcome: "unknown" }
    if (row.revoked_at) return { outcome: "revoked" }
    if (row.used_at) {
      await sql.execute(REVOKE_FAMILY_SQL, [row.family_id])
      return { outcome: "reused" }
    }
    return { outcome: "expired" }
  }

  /** Logout: revokes the family of this token. False when the token is unknown. */
  @InjectTransactionManager()
  async revokeFamilyOf(token: string, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    const sql = this.manager(sharedContext)
    const [row] = await sql.execute(FIND_SQL, [hashRefreshToken(token)])
    if (!row) return false
    await sql.execute(REVOKE_FAMILY_SQL, [row.family_id])
    return true
  }

  /** Password reset: every refresh token of the identity dies. */
  @InjectTransactionManager()
  async revokeAllOf(authIdentityId: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.manager(sharedContext).execute(REVOKE_IDENTITY_SQL, [authIdentityId])
  }
}

export default CustomerSessionModuleService

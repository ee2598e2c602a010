/**
 * Who can be behind an audit entry: an Admin user (session or JWT), a secret
 * API key, a customer (their own privacy acts), the system (jobs,
 * subscribers) or nobody authenticated (a refused admin request). One list
 * for the model, the middleware, the steps, the validators and Admin.
 */
export const AUDIT_ACTOR_TYPES = ["user", "api_key", "customer", "system", "anonymous"] as const
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number]

/**
 * What the log's `method` can hold: the HTTP methods of changes and of GETs
 * made with a secret key, and "ACTION" for acts recorded outside a request's
 * middleware (workflows through recordAuditEntryStep, jobs).
 */
export const AUDIT_ACTION_METHOD = "ACTION"
export const AUDIT_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", AUDIT_ACTION_METHOD] as const
export type AuditMethod = (typeof AUDIT_METHODS)[number]

/** Methods whose every /admin request is audited, whoever made it. */
export const AUDITED_CHANGE_METHODS: readonly string[] = ["POST", "PUT", "PATCH", "DELETE"]

export const isAuditActorType = (v: unknown): v is AuditActorType =>
  typeof v === "string" && (AUDIT_ACTOR_TYPES as readonly string[]).includes(v)

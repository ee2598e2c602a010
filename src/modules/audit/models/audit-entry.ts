import { model } from "@medusajs/framework/utils"
import { AUDIT_ACTOR_TYPES } from "../vocabulary"

/**
 * One admin act: who, what, when, from where, and how it ended. Append-only:
 * a database trigger (see the migration) refuses UPDATE and DELETE, so not
 * even a bug of ours can rewrite history. `details` holds names (body field
 * names, counts), never values, so no secret ever lands here.
 */
const AuditEntry = model
  .define("audit_entry", {
    id: model.id({ prefix: "aud" }).primaryKey(),
    actor_type: model.enum([...AUDIT_ACTOR_TYPES]),
    actor_id: model.text().nullable(),
    /** The HTTP method, or AUDIT_ACTION_METHOD for acts recorded by workflows and jobs. */
    method: model.text(),
    /** The route pattern (/admin/products/:id) or an action name (customer.erase). */
    route: model.text(),
    /** The concrete path as requested, without the query string. */
    path: model.text(),
    /** Ids the act touched: route params and the answer's top-level object id. */
    entity_ids: model.json(),
    status: model.number(),
    request_id: model.text().nullable(),
    ip: model.text().nullable(),
    occurred_at: model.dateTime(),
    details: model.json().nullable(),
  })
  .indexes([
    { on: ["occurred_at"] },
    { on: ["actor_type", "actor_id"] },
    { on: ["method"] },
  ])

export default AuditEntry

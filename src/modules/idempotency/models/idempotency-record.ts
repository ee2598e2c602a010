import { model } from "@medusajs/framework/utils"

/** The first answer to a request sent with an Idempotency-Key, kept for 24 hours. */
const IdempotencyRecord = model
  .define("idempotency_record", {
    id: model.id({ prefix: "idem" }).primaryKey(),
    key: model.text(),
    /** Method, path and caller: the same key means the same request only within one scope. */
    scope: model.text(),
    request_hash: model.text(),
    response_status: model.number(),
    response_body: model.json(),
    expires_at: model.dateTime().index(),
  })
  .indexes([{ on: ["key", "scope"], unique: true }])

export default IdempotencyRecord

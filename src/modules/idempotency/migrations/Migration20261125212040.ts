import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125212040 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "idempotency_record" drop constraint if exists "idempotency_record_key_scope_unique";`);
    this.addSql(`create table if not exists "idempotency_record" ("id" text not null, "key" text not null, "scope" text not null, "request_hash" text not null, "response_status" integer not null, "response_body" jsonb not null, "expires_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "idempotency_record_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_idempotency_record_expires_at" ON "idempotency_record" ("expires_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_idempotency_record_deleted_at" ON "idempotency_record" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_idempotency_record_key_scope_unique" ON "idempotency_record" ("key", "scope") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "idempotency_record" cascade;`);
  }

}

import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205202739 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "audit_entry" ("id" text not null, "actor_type" text check ("actor_type" in ('user', 'api_key', 'customer', 'system', 'anonymous')) not null, "actor_id" text null, "method" text not null, "route" text not null, "path" text not null, "entity_ids" jsonb not null, "status" integer not null, "request_id" text null, "ip" text null, "occurred_at" timestamptz not null, "details" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "audit_entry_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_audit_entry_deleted_at" ON "audit_entry" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_audit_entry_occurred_at" ON "audit_entry" ("occurred_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_audit_entry_actor_type_actor_id" ON "audit_entry" ("actor_type", "actor_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_audit_entry_method" ON "audit_entry" ("method") WHERE deleted_at IS NULL;`);
    // "Entries touching this id" is jsonb containment (entity_ids @> '["prod_1"]').
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_audit_entry_entity_ids" ON "audit_entry" USING gin ("entity_ids" jsonb_path_ops);`);
    // Append-only, enforced by the database itself: whatever code runs
    // (ours, Medusa's generated update/delete/softDelete), a row once written
    // is never changed or removed. TRUNCATE stays possible for the table owner
    // (test teardown, a deliberate purge).
    this.addSql(`create or replace function "audit_entry_append_only"() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_entry is append-only: % refused', TG_OP using errcode = 'insufficient_privilege';
      end
    $$;`);
    this.addSql(`create or replace trigger "audit_entry_append_only" before update or delete on "audit_entry" for each row execute function "audit_entry_append_only"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_entry" cascade;`);
    this.addSql(`drop function if exists "audit_entry_append_only"();`);
  }

}

import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125232533 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "stripe_event" drop constraint if exists "stripe_event_event_id_unique";`);
    this.addSql(`create table if not exists "stripe_event" ("id" text not null, "event_id" text not null, "type" text not null, "object_id" text null, "status" text check ("status" in ('received', 'processed', 'recorded', 'ignored', 'failed')) not null default 'received', "attempts" integer not null default 0, "last_error" text null, "order_id" text null, "stripe_created_at" timestamptz not null, "processed_at" timestamptz null, "payload" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "stripe_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_stripe_event_event_id_unique" ON "stripe_event" ("event_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stripe_event_deleted_at" ON "stripe_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stripe_event_status" ON "stripe_event" ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stripe_event_object_id" ON "stripe_event" ("object_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "stripe_event" cascade;`);
  }

}

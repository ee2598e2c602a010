import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125210614 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "order_number_counter" drop constraint if exists "order_number_counter_year_unique";`);
    this.addSql(`create table if not exists "order_number_counter" ("id" text not null, "year" integer not null, "last_value" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_number_counter_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_number_counter_deleted_at" ON "order_number_counter" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_number_counter_year_unique" ON "order_number_counter" ("year") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "order_number_counter" cascade;`);
  }

}

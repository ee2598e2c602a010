import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125120031 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "shipping_rule" drop constraint if exists "shipping_rule_governorate_method_unique";`);
    this.addSql(`create table if not exists "shipping_rule" ("id" text not null, "governorate" text not null, "method" text check ("method" in ('standard', 'express', 'same_day')) not null, "available" boolean not null default true, "price" numeric not null, "min_days" integer not null, "max_days" integer not null, "raw_price" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "shipping_rule_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shipping_rule_deleted_at" ON "shipping_rule" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_shipping_rule_governorate_method_unique" ON "shipping_rule" ("governorate", "method") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "shipping_rule" cascade;`);
  }

}

import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125211036 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "variant_stock_setting" drop constraint if exists "variant_stock_setting_variant_id_unique";`);
    this.addSql(`alter table if exists "inventory_hold" drop constraint if exists "inventory_hold_cart_id_unique";`);
    this.addSql(`create table if not exists "inventory_hold" ("id" text not null, "cart_id" text not null, "expires_at" timestamptz not null, "reservations" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "inventory_hold_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_inventory_hold_cart_id_unique" ON "inventory_hold" ("cart_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_inventory_hold_expires_at" ON "inventory_hold" ("expires_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_inventory_hold_deleted_at" ON "inventory_hold" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "variant_stock_setting" ("id" text not null, "variant_id" text not null, "low_stock_threshold" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "variant_stock_setting_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_variant_stock_setting_variant_id_unique" ON "variant_stock_setting" ("variant_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_variant_stock_setting_deleted_at" ON "variant_stock_setting" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "inventory_hold" cascade;`);

    this.addSql(`drop table if exists "variant_stock_setting" cascade;`);
  }

}

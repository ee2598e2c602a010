import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125120350 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "promotion_minimum" drop constraint if exists "promotion_minimum_promotion_id_currency_code_unique";`);
    this.addSql(`create table if not exists "promotion_minimum" ("id" text not null, "promotion_id" text not null, "currency_code" text not null, "amount" numeric not null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "promotion_minimum_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_promotion_minimum_promotion_id" ON "promotion_minimum" ("promotion_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_promotion_minimum_deleted_at" ON "promotion_minimum" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_promotion_minimum_promotion_id_currency_code_unique" ON "promotion_minimum" ("promotion_id", "currency_code") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "promotion_minimum" cascade;`);
  }

}

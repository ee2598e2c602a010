import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125213529 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "public_holiday" drop constraint if exists "public_holiday_date_unique";`);
    this.addSql(`create table if not exists "public_holiday" ("id" text not null, "date" text not null, "name" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "public_holiday_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_public_holiday_deleted_at" ON "public_holiday" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_public_holiday_date_unique" ON "public_holiday" ("date") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "public_holiday" cascade;`);
  }

}

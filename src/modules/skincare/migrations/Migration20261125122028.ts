import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125122028 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "product_skincare" drop constraint if exists "product_skincare_product_id_unique";`);
    this.addSql(`create table if not exists "product_skincare" ("id" text not null, "product_id" text not null, "ingredients" text[] not null, "skin_types" text[] not null, "concerns" text[] not null, "how_to_use" text null, "seo_title" text null, "seo_description" text null, "low_stock_threshold" integer not null default 10, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "product_skincare_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_product_skincare_product_id_unique" ON "product_skincare" ("product_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_product_skincare_deleted_at" ON "product_skincare" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "product_skincare" cascade;`);
  }

}

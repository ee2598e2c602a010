import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125122528 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "catalogue_word" drop constraint if exists "catalogue_word_word_unique";`);
    this.addSql(`alter table if exists "catalogue_entry" drop constraint if exists "catalogue_entry_product_id_unique";`);
    this.addSql(`create table if not exists "catalogue_entry" ("id" text not null, "product_id" text not null, "handle" text not null, "title" text not null, "status" text not null, "product_created_at" timestamptz not null, "category_handles" text[] not null, "tags" text[] not null, "skin_types" text[] not null, "concerns" text[] not null, "sales_channel_ids" text[] not null, "in_stock_channel_ids" text[] not null, "price_usd" integer null, "price_jod" integer null, "search_name" text not null, "search_tags" text not null, "search_category" text not null, "search_concerns" text not null, "search_ingredients" text not null, "search_description" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "catalogue_entry_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_catalogue_entry_product_id_unique" ON "catalogue_entry" ("product_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_catalogue_entry_title" ON "catalogue_entry" ("title") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_catalogue_entry_product_created_at" ON "catalogue_entry" ("product_created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_catalogue_entry_deleted_at" ON "catalogue_entry" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "catalogue_word" ("id" text not null, "word" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "catalogue_word_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_catalogue_word_word_unique" ON "catalogue_word" ("word") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_catalogue_word_deleted_at" ON "catalogue_word" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "catalogue_entry" cascade;`);

    this.addSql(`drop table if exists "catalogue_word" cascade;`);
  }

}

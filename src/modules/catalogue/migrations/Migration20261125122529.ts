import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Search over the catalogue read model: a weighted full-text vector (name A,
 * tags and category B, concerns and ingredients C, description D, all on
 * already-folded text with the language-neutral 'simple' configuration so
 * Arabic works too) and trigram indexes for correcting misspelt words.
 */
export class Migration20261125122529 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists pg_trgm;`)
    this.addSql(`alter table "catalogue_entry" add column if not exists "search_vector" tsvector
      generated always as (
        setweight(to_tsvector('simple', coalesce("search_name", '')), 'A') ||
        setweight(to_tsvector('simple', coalesce("search_tags", '') || ' ' || coalesce("search_category", '')), 'B') ||
        setweight(to_tsvector('simple', coalesce("search_concerns", '') || ' ' || coalesce("search_ingredients", '')), 'C') ||
        setweight(to_tsvector('simple', coalesce("search_description", '')), 'D')
      ) stored;`)
    this.addSql(`create index if not exists "IDX_catalogue_entry_search_vector" on "catalogue_entry" using gin ("search_vector");`)
    this.addSql(`create index if not exists "IDX_catalogue_entry_price_usd" on "catalogue_entry" ("price_usd") where deleted_at is null;`)
    this.addSql(`create index if not exists "IDX_catalogue_entry_price_jod" on "catalogue_entry" ("price_jod") where deleted_at is null;`)
    this.addSql(`create index if not exists "IDX_catalogue_entry_channels" on "catalogue_entry" using gin ("sales_channel_ids");`)
    this.addSql(`create index if not exists "IDX_catalogue_word_trgm" on "catalogue_word" using gin ("word" gin_trgm_ops);`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_catalogue_word_trgm";`)
    this.addSql(`drop index if exists "IDX_catalogue_entry_channels";`)
    this.addSql(`drop index if exists "IDX_catalogue_entry_price_jod";`)
    this.addSql(`drop index if exists "IDX_catalogue_entry_price_usd";`)
    this.addSql(`drop index if exists "IDX_catalogue_entry_search_vector";`)
    this.addSql(`alter table "catalogue_entry" drop column if exists "search_vector";`)
  }
}

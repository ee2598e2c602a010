import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125124146 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "catalogue_entry" add column if not exists "document" jsonb not null default '{}'::jsonb, add column if not exists "variant_stock" jsonb not null default '{}'::jsonb;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "catalogue_entry" drop column if exists "document", drop column if exists "variant_stock";`);
  }

}

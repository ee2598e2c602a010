import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125114644 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "cart_expiry" drop constraint if exists "cart_expiry_cart_id_unique";`);
    this.addSql(`create table if not exists "cart_expiry" ("id" text not null, "cart_id" text not null, "expires_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "cart_expiry_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_cart_expiry_cart_id_unique" ON "cart_expiry" ("cart_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cart_expiry_expires_at" ON "cart_expiry" ("expires_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cart_expiry_deleted_at" ON "cart_expiry" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "cart_expiry" cascade;`);
  }

}

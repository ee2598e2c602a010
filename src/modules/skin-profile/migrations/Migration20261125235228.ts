import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125235228 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "skin_profile" drop constraint if exists "skin_profile_customer_id_unique";`);
    this.addSql(`create table if not exists "skin_profile" ("id" text not null, "customer_id" text not null, "key_id" text not null, "sealed" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "skin_profile_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_skin_profile_customer_id_unique" ON "skin_profile" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_skin_profile_deleted_at" ON "skin_profile" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "skin_profile" cascade;`);
  }

}

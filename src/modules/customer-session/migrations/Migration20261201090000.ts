import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201090000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_refresh_token" drop constraint if exists "customer_refresh_token_token_hash_unique";`);
    this.addSql(`create table if not exists "customer_refresh_token" ("id" text not null, "token_hash" text not null, "family_id" text not null, "customer_id" text not null, "auth_identity_id" text not null, "email" text not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "revoked_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_refresh_token_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_refresh_token_token_hash_unique" ON "customer_refresh_token" ("token_hash") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_refresh_token_deleted_at" ON "customer_refresh_token" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_refresh_token_family_id" ON "customer_refresh_token" ("family_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_refresh_token_customer_id" ON "customer_refresh_token" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_refresh_token_auth_identity_id" ON "customer_refresh_token" ("auth_identity_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_refresh_token" cascade;`);
  }

}

-- Reverts 0002_tenants_users_rules.
DROP TRIGGER IF EXISTS users_touch_updated_at ON "users";
--> statement-breakpoint
DROP TRIGGER IF EXISTS tenants_touch_updated_at ON "tenants";
--> statement-breakpoint
ALTER TABLE "users" NO FORCE ROW LEVEL SECURITY;

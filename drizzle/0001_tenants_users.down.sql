-- Reverts 0001_tenants_users.
DROP POLICY IF EXISTS "users_tenant_isolation" ON "users";
--> statement-breakpoint
DROP TABLE "users";
--> statement-breakpoint
DROP TABLE "tenants";

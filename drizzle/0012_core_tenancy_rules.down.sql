-- Reverts 0012_core_tenancy_rules.
DROP TRIGGER IF EXISTS tenant_settings_touch_updated_at ON "tenant_settings";
--> statement-breakpoint
ALTER TABLE "tenant_settings" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP TRIGGER IF EXISTS tenant_domains_touch_updated_at ON "tenant_domains";
--> statement-breakpoint
ALTER TABLE "tenant_domains" NO FORCE ROW LEVEL SECURITY;

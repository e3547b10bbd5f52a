-- Reverts licenses_rules.
DROP FUNCTION IF EXISTS stocksync_reap_license_sessions(interval, uuid);
--> statement-breakpoint
DROP TRIGGER IF EXISTS licenses_seats_guard ON "licenses";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_licenses_seats_guard();
--> statement-breakpoint
DROP TRIGGER IF EXISTS license_sessions_guard ON "license_sessions";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_license_sessions_guard();
--> statement-breakpoint
ALTER TABLE "license_sessions" DROP CONSTRAINT "license_sessions_user_id_fkey", ADD CONSTRAINT "license_sessions_user_id_fkey" FOREIGN KEY ("tenant_id", "user_id") REFERENCES "users" ("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
ALTER TABLE "licenses" DROP CONSTRAINT "licenses_entitlement_id_fkey", ADD CONSTRAINT "licenses_entitlement_id_fkey" FOREIGN KEY ("tenant_id", "entitlement_id") REFERENCES "entitlements" ("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
DROP TRIGGER IF EXISTS licenses_touch_updated_at ON "licenses";
--> statement-breakpoint
DROP TRIGGER IF EXISTS license_sessions_touch_updated_at ON "license_sessions";
--> statement-breakpoint
ALTER TABLE "licenses" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "license_sessions" NO FORCE ROW LEVEL SECURITY;

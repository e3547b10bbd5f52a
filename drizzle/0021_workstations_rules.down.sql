-- Reverts workstations_rules.
SET LOCAL lock_timeout = '5s';
--> statement-breakpoint
DROP TRIGGER IF EXISTS gitea_organizations_touch_updated_at ON "gitea_organizations";
--> statement-breakpoint
DROP TRIGGER IF EXISTS workstations_touch_updated_at ON "workstations";
--> statement-breakpoint
ALTER TABLE "gitea_organizations" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "workstation_assignments" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "workstation_metrics" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "workstation_sessions" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "workstations" NO FORCE ROW LEVEL SECURITY;

-- Workstations and repositories rules drizzle-kit cannot express: forced RLS and updated_at
-- triggers. SET LOCAL lock_timeout: the tables are new, but a deploy must never queue behind traffic.
SET LOCAL lock_timeout = '5s';
--> statement-breakpoint
ALTER TABLE "workstations" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "workstation_sessions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "workstation_metrics" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "workstation_assignments" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "gitea_organizations" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE TRIGGER workstations_touch_updated_at BEFORE UPDATE ON "workstations"
  FOR EACH ROW EXECUTE FUNCTION stocksync_touch_updated_at();
--> statement-breakpoint
CREATE TRIGGER gitea_organizations_touch_updated_at BEFORE UPDATE ON "gitea_organizations"
  FOR EACH ROW EXECUTE FUNCTION stocksync_touch_updated_at();

-- Reverts 0020_workstations_repositories (generated from the drizzle-kit snapshots by stocksync-db migrate generate; review it).
DROP POLICY "gitea_organizations_tenant_isolation" ON "gitea_organizations";
--> statement-breakpoint
DROP POLICY "workstation_assignments_tenant_isolation" ON "workstation_assignments";
--> statement-breakpoint
DROP POLICY "workstation_metrics_tenant_isolation" ON "workstation_metrics";
--> statement-breakpoint
DROP POLICY "workstation_sessions_tenant_isolation" ON "workstation_sessions";
--> statement-breakpoint
DROP POLICY "workstations_tenant_isolation" ON "workstations";
--> statement-breakpoint
DROP TABLE "gitea_organizations";
--> statement-breakpoint
DROP TABLE "workstation_assignments";
--> statement-breakpoint
DROP TABLE "workstation_metrics";
--> statement-breakpoint
DROP TABLE "workstation_sessions";
--> statement-breakpoint
DROP TABLE "workstations";

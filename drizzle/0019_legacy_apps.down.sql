-- Reverts 0019_legacy_apps (generated from the drizzle-kit snapshots by stocksync-db migrate generate; review it).
DROP TABLE "legacy"."repositories_giteaorganization";
--> statement-breakpoint
DROP TABLE "legacy"."tenant_fk_moves";
--> statement-breakpoint
DROP TABLE "legacy"."tenant_fk_quarantine";
--> statement-breakpoint
DROP TABLE "legacy"."workstations_workstationassignment";
--> statement-breakpoint
DROP TABLE "legacy"."workstations_workstationmetric";
--> statement-breakpoint
DROP TABLE "legacy"."workstations_workstationsession";
--> statement-breakpoint
DROP TABLE "legacy"."workstations_workstation";
--> statement-breakpoint
DROP SCHEMA "legacy";
--> statement-breakpoint
ALTER TABLE "audit_reviews" ADD CONSTRAINT "audit_reviews_audit_log_id_fkey" FOREIGN KEY ("tenant_id","audit_log_id") REFERENCES "public"."audit_logs"("tenant_id","id") ON DELETE no action ON UPDATE no action;

-- Reverts 0025_workstations_tenancy_rules.
DROP TRIGGER IF EXISTS gitea_organizations_audit_delete ON "gitea_organizations";
--> statement-breakpoint
DROP TRIGGER IF EXISTS gitea_organizations_audit_update ON "gitea_organizations";
--> statement-breakpoint
DROP TRIGGER IF EXISTS gitea_organizations_audit_insert ON "gitea_organizations";
--> statement-breakpoint
DROP TRIGGER IF EXISTS workstation_assignments_audit_delete ON "workstation_assignments";
--> statement-breakpoint
DROP TRIGGER IF EXISTS workstation_assignments_audit_update ON "workstation_assignments";
--> statement-breakpoint
DROP TRIGGER IF EXISTS workstation_assignments_audit_insert ON "workstation_assignments";
--> statement-breakpoint
DROP TRIGGER IF EXISTS workstation_sessions_audit_delete ON "workstation_sessions";
--> statement-breakpoint
DROP TRIGGER IF EXISTS workstation_sessions_audit_update ON "workstation_sessions";
--> statement-breakpoint
DROP TRIGGER IF EXISTS workstation_sessions_audit_insert ON "workstation_sessions";
--> statement-breakpoint
DROP TRIGGER IF EXISTS workstations_audit_delete ON "workstations";
--> statement-breakpoint
DROP TRIGGER IF EXISTS workstations_audit_update ON "workstations";
--> statement-breakpoint
DROP TRIGGER IF EXISTS workstations_audit_insert ON "workstations";
--> statement-breakpoint
DROP POLICY IF EXISTS "gitea_organizations_role_delete" ON "gitea_organizations";
--> statement-breakpoint
DROP POLICY IF EXISTS "gitea_organizations_role_update" ON "gitea_organizations";
--> statement-breakpoint
DROP POLICY IF EXISTS "gitea_organizations_role_insert" ON "gitea_organizations";
--> statement-breakpoint
DROP POLICY IF EXISTS "workstation_assignments_role_delete" ON "workstation_assignments";
--> statement-breakpoint
DROP POLICY IF EXISTS "workstation_assignments_role_update" ON "workstation_assignments";
--> statement-breakpoint
DROP POLICY IF EXISTS "workstation_assignments_role_insert" ON "workstation_assignments";
--> statement-breakpoint
DROP POLICY IF EXISTS "workstation_metrics_role_delete" ON "workstation_metrics";
--> statement-breakpoint
DROP POLICY IF EXISTS "workstation_metrics_role_update" ON "workstation_metrics";
--> statement-breakpoint
DROP POLICY IF EXISTS "workstation_metrics_role_insert" ON "workstation_metrics";
--> statement-breakpoint
DROP POLICY IF EXISTS "workstation_sessions_role_delete" ON "workstation_sessions";
--> statement-breakpoint
DROP POLICY IF EXISTS "workstation_sessions_role_update" ON "workstation_sessions";
--> statement-breakpoint
DROP POLICY IF EXISTS "workstation_sessions_role_insert" ON "workstation_sessions";
--> statement-breakpoint
DROP POLICY IF EXISTS "workstations_role_delete" ON "workstations";
--> statement-breakpoint
DROP POLICY IF EXISTS "workstations_role_update" ON "workstations";
--> statement-breakpoint
DROP POLICY IF EXISTS "workstations_role_insert" ON "workstations";

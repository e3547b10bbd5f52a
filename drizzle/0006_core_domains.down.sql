-- Reverts 0006_core_domains.
DROP POLICY IF EXISTS "contents_tenant_isolation" ON "contents";
--> statement-breakpoint
DROP POLICY IF EXISTS "compliance_reports_tenant_isolation" ON "compliance_reports";
--> statement-breakpoint
DROP POLICY IF EXISTS "audit_reviews_tenant_isolation" ON "audit_reviews";
--> statement-breakpoint
DROP POLICY IF EXISTS "audit_logs_retention" ON "audit_logs";
--> statement-breakpoint
DROP POLICY IF EXISTS "audit_logs_tenant_isolation" ON "audit_logs";
--> statement-breakpoint
DROP POLICY IF EXISTS "workflows_tenant_isolation" ON "workflows";
--> statement-breakpoint
DROP POLICY IF EXISTS "workflow_steps_tenant_isolation" ON "workflow_steps";
--> statement-breakpoint
DROP POLICY IF EXISTS "workflow_executions_tenant_isolation" ON "workflow_executions";
--> statement-breakpoint
DROP POLICY IF EXISTS "workflow_approvals_tenant_isolation" ON "workflow_approvals";
--> statement-breakpoint
DROP POLICY IF EXISTS "folders_tenant_isolation" ON "folders";
--> statement-breakpoint
DROP POLICY IF EXISTS "documents_tenant_isolation" ON "documents";
--> statement-breakpoint
DROP POLICY IF EXISTS "document_versions_tenant_isolation" ON "document_versions";
--> statement-breakpoint
DROP POLICY IF EXISTS "document_shares_tenant_isolation" ON "document_shares";
--> statement-breakpoint
DROP POLICY IF EXISTS "document_permissions_tenant_isolation" ON "document_permissions";
--> statement-breakpoint
DROP POLICY IF EXISTS "document_activities_tenant_isolation" ON "document_activities";
--> statement-breakpoint
DROP POLICY IF EXISTS "tasks_tenant_isolation" ON "tasks";
--> statement-breakpoint
DROP POLICY IF EXISTS "task_comments_tenant_isolation" ON "task_comments";
--> statement-breakpoint
DROP POLICY IF EXISTS "task_attachments_tenant_isolation" ON "task_attachments";
--> statement-breakpoint
DROP POLICY IF EXISTS "task_activities_tenant_isolation" ON "task_activities";
--> statement-breakpoint
DROP POLICY IF EXISTS "sprints_tenant_isolation" ON "sprints";
--> statement-breakpoint
DROP POLICY IF EXISTS "projects_tenant_isolation" ON "projects";
--> statement-breakpoint
DROP POLICY IF EXISTS "milestones_tenant_isolation" ON "milestones";
--> statement-breakpoint
DROP POLICY IF EXISTS "boards_tenant_isolation" ON "boards";
--> statement-breakpoint
DROP POLICY IF EXISTS "teams_tenant_isolation" ON "teams";
--> statement-breakpoint
DROP POLICY IF EXISTS "team_members_tenant_isolation" ON "team_members";
--> statement-breakpoint
DROP POLICY IF EXISTS "sessions_tenant_isolation" ON "sessions";
--> statement-breakpoint
DROP POLICY IF EXISTS "memberships_tenant_isolation" ON "memberships";
--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_settings_tenant_isolation" ON "tenant_settings";
--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_domains_tenant_isolation" ON "tenant_domains";
--> statement-breakpoint
DROP TABLE "contents", "compliance_reports", "audit_reviews", "audit_logs", "workflows", "workflow_steps", "workflow_executions", "workflow_approvals", "folders", "documents", "document_versions", "document_shares", "document_permissions", "document_activities", "tasks", "task_comments", "task_attachments", "task_activities", "sprints", "projects", "milestones", "boards", "teams", "team_members", "sessions", "memberships", "tenant_settings", "tenant_domains";
--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_status_check";
--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_role_check";
--> statement-breakpoint
ALTER TABLE "tenants" DROP CONSTRAINT "tenants_company_size_check";
--> statement-breakpoint
ALTER TABLE "tenants" DROP CONSTRAINT "tenants_status_check";
--> statement-breakpoint
ALTER TABLE "tenants" DROP CONSTRAINT "tenants_license_tier_check";
--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "last_login_at";
--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "last_name";
--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "first_name";

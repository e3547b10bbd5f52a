-- Reverts 0016_workflows_rules.
DROP FUNCTION IF EXISTS stocksync_expire_workflow_approvals();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflow_approvals_expiry ON "workflow_approvals";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_workflow_approvals_expiry();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflow_steps_node ON "workflow_steps";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_workflow_steps_node();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflow_executions_current_step ON "workflow_executions";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_workflow_executions_current_step();
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_workflow_has_node(uuid, uuid, text);
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflows_definition ON "workflows";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_workflows_definition();
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_workflow_definition_error(jsonb);
--> statement-breakpoint
ALTER TABLE "workflow_approvals" DROP CONSTRAINT "workflow_approvals_requested_by_fkey";
--> statement-breakpoint
ALTER TABLE "workflow_approvals" ADD CONSTRAINT "workflow_approvals_requested_by_fkey" FOREIGN KEY ("tenant_id", "requested_by") REFERENCES "users"("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
ALTER TABLE "workflow_approvals" DROP CONSTRAINT "workflow_approvals_approver_id_fkey";
--> statement-breakpoint
ALTER TABLE "workflow_approvals" ADD CONSTRAINT "workflow_approvals_approver_id_fkey" FOREIGN KEY ("tenant_id", "approver_id") REFERENCES "users"("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
ALTER TABLE "workflow_approvals" DROP CONSTRAINT "workflow_approvals_step_id_fkey";
--> statement-breakpoint
ALTER TABLE "workflow_approvals" ADD CONSTRAINT "workflow_approvals_step_id_fkey" FOREIGN KEY ("tenant_id", "step_id") REFERENCES "workflow_steps"("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflow_approvals_touch_updated_at ON "workflow_approvals";
--> statement-breakpoint
ALTER TABLE "workflow_approvals" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflow_steps_touch_updated_at ON "workflow_steps";
--> statement-breakpoint
ALTER TABLE "workflow_steps" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "workflow_executions" DROP CONSTRAINT "workflow_executions_triggered_by_fkey";
--> statement-breakpoint
ALTER TABLE "workflow_executions" ADD CONSTRAINT "workflow_executions_triggered_by_fkey" FOREIGN KEY ("tenant_id", "triggered_by") REFERENCES "users"("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflow_executions_touch_updated_at ON "workflow_executions";
--> statement-breakpoint
ALTER TABLE "workflow_executions" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "workflows" DROP CONSTRAINT "workflows_created_by_fkey";
--> statement-breakpoint
ALTER TABLE "workflows" ADD CONSTRAINT "workflows_created_by_fkey" FOREIGN KEY ("tenant_id", "created_by") REFERENCES "users"("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
ALTER TABLE "workflows" DROP CONSTRAINT "workflows_project_id_fkey";
--> statement-breakpoint
ALTER TABLE "workflows" ADD CONSTRAINT "workflows_project_id_fkey" FOREIGN KEY ("tenant_id", "project_id") REFERENCES "projects"("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflows_touch_updated_at ON "workflows";
--> statement-breakpoint
ALTER TABLE "workflows" NO FORCE ROW LEVEL SECURITY;

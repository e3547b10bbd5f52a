-- Reverts 0014_projects_rules.
DROP TRIGGER IF EXISTS task_attachments_file_size ON "task_attachments";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_check_file_size();
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_max_file_size_bytes(text);
--> statement-breakpoint
ALTER TABLE "sprints" DROP CONSTRAINT IF EXISTS "sprints_tenant_id_project_id_dates_excl";
--> statement-breakpoint
DROP TRIGGER IF EXISTS tasks_status_transition ON "tasks";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_tasks_status_transition();
--> statement-breakpoint
DROP TRIGGER IF EXISTS tasks_hierarchy ON "tasks";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_tasks_hierarchy();
--> statement-breakpoint
ALTER TABLE "boards" DROP CONSTRAINT "boards_created_by_fkey";
--> statement-breakpoint
ALTER TABLE "boards" ADD CONSTRAINT "boards_created_by_fkey" FOREIGN KEY ("tenant_id", "created_by") REFERENCES "users"("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
DROP TRIGGER IF EXISTS boards_touch_updated_at ON "boards";
--> statement-breakpoint
ALTER TABLE "boards" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "task_activities" DROP CONSTRAINT "task_activities_actor_id_fkey";
--> statement-breakpoint
ALTER TABLE "task_activities" ADD CONSTRAINT "task_activities_actor_id_fkey" FOREIGN KEY ("tenant_id", "actor_id") REFERENCES "users"("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
DROP TRIGGER IF EXISTS task_activities_touch_updated_at ON "task_activities";
--> statement-breakpoint
ALTER TABLE "task_activities" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "task_attachments" DROP CONSTRAINT "task_attachments_uploaded_by_fkey";
--> statement-breakpoint
ALTER TABLE "task_attachments" ADD CONSTRAINT "task_attachments_uploaded_by_fkey" FOREIGN KEY ("tenant_id", "uploaded_by") REFERENCES "users"("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
DROP TRIGGER IF EXISTS task_attachments_touch_updated_at ON "task_attachments";
--> statement-breakpoint
ALTER TABLE "task_attachments" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "task_comments" DROP CONSTRAINT "task_comments_author_id_fkey";
--> statement-breakpoint
ALTER TABLE "task_comments" ADD CONSTRAINT "task_comments_author_id_fkey" FOREIGN KEY ("tenant_id", "author_id") REFERENCES "users"("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
DROP TRIGGER IF EXISTS task_comments_touch_updated_at ON "task_comments";
--> statement-breakpoint
ALTER TABLE "task_comments" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_parent_task_id_fkey";
--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_parent_task_id_fkey" FOREIGN KEY ("tenant_id", "parent_task_id") REFERENCES "tasks"("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_milestone_id_fkey";
--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_milestone_id_fkey" FOREIGN KEY ("tenant_id", "milestone_id") REFERENCES "milestones"("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_sprint_id_fkey";
--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_sprint_id_fkey" FOREIGN KEY ("tenant_id", "sprint_id") REFERENCES "sprints"("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_reporter_id_fkey";
--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_reporter_id_fkey" FOREIGN KEY ("tenant_id", "reporter_id") REFERENCES "users"("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_assignee_id_fkey";
--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_assignee_id_fkey" FOREIGN KEY ("tenant_id", "assignee_id") REFERENCES "users"("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
DROP TRIGGER IF EXISTS tasks_touch_updated_at ON "tasks";
--> statement-breakpoint
ALTER TABLE "tasks" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP TRIGGER IF EXISTS milestones_touch_updated_at ON "milestones";
--> statement-breakpoint
ALTER TABLE "milestones" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP TRIGGER IF EXISTS sprints_touch_updated_at ON "sprints";
--> statement-breakpoint
ALTER TABLE "sprints" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP TRIGGER IF EXISTS projects_touch_updated_at ON "projects";
--> statement-breakpoint
ALTER TABLE "projects" NO FORCE ROW LEVEL SECURITY;

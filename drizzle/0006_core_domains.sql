CREATE TABLE "tenant_domains" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"hostname" varchar(253) NOT NULL,
	"kind" varchar(20) NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_domains_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "tenant_domains_kind_check" CHECK ("tenant_domains"."kind" in ('subdomain', 'custom')),
	CONSTRAINT "tenant_domains_hostname_check" CHECK ("tenant_domains"."hostname" ~ '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$')
);
--> statement-breakpoint
ALTER TABLE "tenant_domains" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tenant_settings" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_settings_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "tenant_settings_version_check" CHECK ("tenant_settings"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "tenant_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "memberships" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" varchar(20) DEFAULT 'member' NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "memberships_role_check" CHECK ("memberships"."role" in ('owner', 'admin', 'member', 'viewer')),
	CONSTRAINT "memberships_revoked_at_check" CHECK ("memberships"."revoked_at" is null or "memberships"."revoked_at" >= "memberships"."joined_at")
);
--> statement-breakpoint
ALTER TABLE "memberships" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "sessions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"user_id" uuid NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"activity_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ip_address" "inet",
	"user_agent" varchar(500) DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sessions_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "sessions_ended_at_check" CHECK ("sessions"."ended_at" is null or "sessions"."ended_at" >= "sessions"."started_at")
);
--> statement-breakpoint
ALTER TABLE "sessions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "team_members" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"team_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" varchar(20) DEFAULT 'member' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_members_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "team_members_role_check" CHECK ("team_members"."role" in ('lead', 'member'))
);
--> statement-breakpoint
ALTER TABLE "team_members" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "teams" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"name" varchar(255) NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "teams_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "teams" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "boards" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"project_id" uuid NOT NULL,
	"name" varchar(255) NOT NULL,
	"board_type" varchar(20) DEFAULT 'kanban' NOT NULL,
	"columns" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"filters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "boards_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "boards_board_type_check" CHECK ("boards"."board_type" in ('kanban', 'scrum', 'list')),
	CONSTRAINT "boards_columns_check" CHECK (jsonb_typeof("boards"."columns") = 'array')
);
--> statement-breakpoint
ALTER TABLE "boards" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "milestones" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"project_id" uuid NOT NULL,
	"title" varchar(255) NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" varchar(20) DEFAULT 'open' NOT NULL,
	"due_date" date,
	"progress_percent" integer DEFAULT 0 NOT NULL,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "milestones_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "milestones_status_check" CHECK ("milestones"."status" in ('open', 'in_progress', 'completed', 'cancelled')),
	CONSTRAINT "milestones_progress_percent_check" CHECK ("milestones"."progress_percent" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "milestones" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "projects" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"name" varchar(255) NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "projects_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "projects" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "sprints" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"project_id" uuid NOT NULL,
	"name" varchar(255) NOT NULL,
	"goal" text DEFAULT '' NOT NULL,
	"status" varchar(20) DEFAULT 'planned' NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sprints_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "sprints_status_check" CHECK ("sprints"."status" in ('planned', 'active', 'completed', 'cancelled')),
	CONSTRAINT "sprints_end_date_check" CHECK ("sprints"."end_date" > "sprints"."start_date")
);
--> statement-breakpoint
ALTER TABLE "sprints" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "task_activities" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"task_id" uuid NOT NULL,
	"actor_id" uuid,
	"action" varchar(30) NOT NULL,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_activities_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "task_activities_action_check" CHECK ("task_activities"."action" in ('created', 'updated', 'status_changed', 'assigned', 'commented', 'attachment_added', 'attachment_removed', 'moved', 'deleted', 'restored'))
);
--> statement-breakpoint
ALTER TABLE "task_activities" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "task_attachments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"task_id" uuid NOT NULL,
	"uploaded_by" uuid,
	"file_name" varchar(255) NOT NULL,
	"file_path" varchar(1000) NOT NULL,
	"file_size_bytes" bigint NOT NULL,
	"mime_type" varchar(100) NOT NULL,
	"checksum" varchar(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_attachments_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "task_attachments_checksum_check" CHECK ("task_attachments"."checksum" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "task_attachments_file_size_bytes_check" CHECK ("task_attachments"."file_size_bytes" >= 0)
);
--> statement-breakpoint
ALTER TABLE "task_attachments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "task_comments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"task_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"edited_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_comments_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "task_comments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tasks" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"project_id" uuid NOT NULL,
	"title" varchar(500) NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"task_type" varchar(20) DEFAULT 'task' NOT NULL,
	"status" varchar(20) DEFAULT 'backlog' NOT NULL,
	"priority" varchar(20) DEFAULT 'medium' NOT NULL,
	"assignee_id" uuid,
	"reporter_id" uuid,
	"sprint_id" uuid,
	"milestone_id" uuid,
	"parent_task_id" uuid,
	"story_points" integer,
	"due_date" timestamp with time zone,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "tasks_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "tasks_task_type_check" CHECK ("tasks"."task_type" in ('task', 'bug', 'feature', 'epic')),
	CONSTRAINT "tasks_status_check" CHECK ("tasks"."status" in ('backlog', 'todo', 'in_progress', 'in_review', 'done', 'cancelled')),
	CONSTRAINT "tasks_priority_check" CHECK ("tasks"."priority" in ('low', 'medium', 'high', 'urgent')),
	CONSTRAINT "tasks_story_points_check" CHECK ("tasks"."story_points" is null or "tasks"."story_points" in (1, 2, 3, 5, 8, 13, 21, 34, 55, 89)),
	CONSTRAINT "tasks_parent_task_id_check" CHECK ("tasks"."parent_task_id" is null or "tasks"."parent_task_id" <> "tasks"."id"),
	CONSTRAINT "tasks_tags_check" CHECK (jsonb_typeof("tasks"."tags") = 'array')
);
--> statement-breakpoint
ALTER TABLE "tasks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "document_activities" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"document_id" uuid NOT NULL,
	"actor_id" uuid,
	"action" varchar(30) NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ip_address" "inet",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_activities_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "document_activities_action_check" CHECK ("document_activities"."action" in ('created', 'viewed', 'downloaded', 'updated', 'version_added', 'moved', 'shared', 'unshared', 'permission_changed', 'deleted', 'restored'))
);
--> statement-breakpoint
ALTER TABLE "document_activities" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "document_permissions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"document_id" uuid,
	"folder_id" uuid,
	"user_id" uuid,
	"team_id" uuid,
	"permission" varchar(20) DEFAULT 'view' NOT NULL,
	"granted_by" uuid,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_permissions_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "document_permissions_tenant_id_document_id_folder_id_user_id_team_id_key" UNIQUE NULLS NOT DISTINCT("tenant_id","document_id","folder_id","user_id","team_id"),
	CONSTRAINT "document_permissions_permission_check" CHECK ("document_permissions"."permission" in ('view', 'comment', 'edit', 'manage')),
	CONSTRAINT "document_permissions_target_check" CHECK (num_nonnulls("document_permissions"."document_id", "document_permissions"."folder_id") = 1),
	CONSTRAINT "document_permissions_grantee_check" CHECK (num_nonnulls("document_permissions"."user_id", "document_permissions"."team_id") = 1)
);
--> statement-breakpoint
ALTER TABLE "document_permissions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "document_shares" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"document_id" uuid NOT NULL,
	"share_type" varchar(20) DEFAULT 'link' NOT NULL,
	"token" varchar(64) NOT NULL,
	"shared_with_email" varchar(254),
	"permission" varchar(20) DEFAULT 'view' NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"access_count" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_shares_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "document_shares_share_type_check" CHECK ("document_shares"."share_type" in ('link', 'email')),
	CONSTRAINT "document_shares_permission_check" CHECK ("document_shares"."permission" in ('view', 'comment', 'edit', 'manage')),
	CONSTRAINT "document_shares_shared_with_email_check" CHECK (("document_shares"."share_type" = 'email') = ("document_shares"."shared_with_email" is not null)),
	CONSTRAINT "document_shares_access_count_check" CHECK ("document_shares"."access_count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "document_shares" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "document_versions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"document_id" uuid NOT NULL,
	"version_number" integer NOT NULL,
	"file_path" varchar(1000) NOT NULL,
	"file_size_bytes" bigint NOT NULL,
	"checksum" varchar(64) NOT NULL,
	"change_summary" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_versions_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "document_versions_checksum_check" CHECK ("document_versions"."checksum" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "document_versions_version_number_check" CHECK ("document_versions"."version_number" >= 1),
	CONSTRAINT "document_versions_file_size_bytes_check" CHECK ("document_versions"."file_size_bytes" >= 0)
);
--> statement-breakpoint
ALTER TABLE "document_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "documents" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"project_id" uuid,
	"folder_id" uuid,
	"title" varchar(500) NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"file_path" varchar(1000) NOT NULL,
	"file_name" varchar(255) NOT NULL,
	"file_size_bytes" bigint NOT NULL,
	"mime_type" varchar(100) NOT NULL,
	"checksum" varchar(64) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"status" varchar(20) DEFAULT 'draft' NOT NULL,
	"owner_id" uuid,
	"created_by" uuid,
	"updated_by" uuid,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "documents_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "documents_status_check" CHECK ("documents"."status" in ('draft', 'published', 'archived', 'deleted')),
	CONSTRAINT "documents_checksum_check" CHECK ("documents"."checksum" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "documents_file_size_bytes_check" CHECK ("documents"."file_size_bytes" >= 0),
	CONSTRAINT "documents_version_check" CHECK ("documents"."version" >= 1),
	CONSTRAINT "documents_tags_check" CHECK (jsonb_typeof("documents"."tags") = 'array')
);
--> statement-breakpoint
ALTER TABLE "documents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "folders" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"parent_id" uuid,
	"project_id" uuid,
	"name" varchar(255) NOT NULL,
	"path" text DEFAULT '' NOT NULL,
	"depth" smallint DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "folders_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "folders_name_check" CHECK ("folders"."name" <> '' and position('/' in "folders"."name") = 0),
	CONSTRAINT "folders_depth_check" CHECK ("folders"."depth" between 1 and 10),
	CONSTRAINT "folders_parent_id_check" CHECK ("folders"."parent_id" is null or "folders"."parent_id" <> "folders"."id")
);
--> statement-breakpoint
ALTER TABLE "folders" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "workflow_approvals" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"execution_id" uuid NOT NULL,
	"step_id" uuid,
	"approver_id" uuid,
	"requested_by" uuid,
	"status" varchar(20) DEFAULT 'pending' NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workflow_approvals_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "workflow_approvals_status_check" CHECK ("workflow_approvals"."status" in ('pending', 'approved', 'rejected', 'expired', 'cancelled')),
	CONSTRAINT "workflow_approvals_expires_at_check" CHECK ("workflow_approvals"."expires_at" > "workflow_approvals"."requested_at"),
	CONSTRAINT "workflow_approvals_decided_at_check" CHECK (("workflow_approvals"."status" in ('approved', 'rejected')) = ("workflow_approvals"."decided_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "workflow_approvals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "workflow_executions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"workflow_id" uuid NOT NULL,
	"triggered_by" uuid,
	"trigger_type" varchar(50) DEFAULT 'manual' NOT NULL,
	"status" varchar(20) DEFAULT 'pending' NOT NULL,
	"current_step" varchar(100),
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"error_message" text,
	"context_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workflow_executions_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "workflow_executions_trigger_type_check" CHECK ("workflow_executions"."trigger_type" in ('manual', 'scheduled', 'webhook', 'event')),
	CONSTRAINT "workflow_executions_status_check" CHECK ("workflow_executions"."status" in ('pending', 'running', 'paused', 'completed', 'failed', 'cancelled')),
	CONSTRAINT "workflow_executions_completed_at_check" CHECK ("workflow_executions"."completed_at" is null or "workflow_executions"."completed_at" >= "workflow_executions"."started_at")
);
--> statement-breakpoint
ALTER TABLE "workflow_executions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "workflow_steps" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"execution_id" uuid NOT NULL,
	"node_id" varchar(100) NOT NULL,
	"name" varchar(255) DEFAULT '' NOT NULL,
	"status" varchar(20) DEFAULT 'pending' NOT NULL,
	"attempt" integer DEFAULT 1 NOT NULL,
	"input" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"output" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error_message" text,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workflow_steps_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "workflow_steps_status_check" CHECK ("workflow_steps"."status" in ('pending', 'running', 'waiting', 'completed', 'failed', 'skipped')),
	CONSTRAINT "workflow_steps_attempt_check" CHECK ("workflow_steps"."attempt" >= 1)
);
--> statement-breakpoint
ALTER TABLE "workflow_steps" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "workflows" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"project_id" uuid,
	"name" varchar(255) NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"workflow_type" varchar(50) DEFAULT 'custom' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"status" varchar(20) DEFAULT 'draft' NOT NULL,
	"definition" jsonb NOT NULL,
	"triggers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"approval_ttl_days" integer DEFAULT 7 NOT NULL,
	"created_by" uuid,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workflows_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "workflows_workflow_type_check" CHECK ("workflows"."workflow_type" in ('approval', 'automation', 'review', 'deployment', 'custom')),
	CONSTRAINT "workflows_status_check" CHECK ("workflows"."status" in ('draft', 'active', 'paused', 'archived')),
	CONSTRAINT "workflows_version_check" CHECK ("workflows"."version" >= 1),
	CONSTRAINT "workflows_approval_ttl_days_check" CHECK ("workflows"."approval_ttl_days" between 1 and 365),
	CONSTRAINT "workflows_triggers_check" CHECK (jsonb_typeof("workflows"."triggers") = 'array')
);
--> statement-breakpoint
ALTER TABLE "workflows" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "audit_logs" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"user_id" uuid,
	"action" varchar(100) NOT NULL,
	"resource_type" varchar(100) NOT NULL,
	"resource_id" varchar(255),
	"ip_address" "inet",
	"user_agent" varchar(500) DEFAULT '' NOT NULL,
	"request_method" varchar(10) DEFAULT '' NOT NULL,
	"request_path" varchar(1000) DEFAULT '' NOT NULL,
	"request_id" varchar(100),
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"severity" varchar(20) DEFAULT 'info' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_logs_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "audit_logs_severity_check" CHECK ("audit_logs"."severity" in ('info', 'warning', 'error', 'critical'))
);
--> statement-breakpoint
ALTER TABLE "audit_logs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "audit_reviews" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"reviewer_id" uuid,
	"audit_log_id" uuid,
	"status" varchar(20) DEFAULT 'pending' NOT NULL,
	"period_start" timestamp with time zone,
	"period_end" timestamp with time zone,
	"filters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_reviews_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "audit_reviews_status_check" CHECK ("audit_reviews"."status" in ('pending', 'in_progress', 'completed', 'dismissed')),
	CONSTRAINT "audit_reviews_period_check" CHECK ("audit_reviews"."period_end" is null or "audit_reviews"."period_start" is null or "audit_reviews"."period_end" >= "audit_reviews"."period_start")
);
--> statement-breakpoint
ALTER TABLE "audit_reviews" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "compliance_reports" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"report_type" varchar(30) NOT NULL,
	"title" varchar(255) NOT NULL,
	"status" varchar(20) DEFAULT 'draft' NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"file_path" varchar(1000),
	"checksum" varchar(64),
	"generated_by" uuid,
	"generated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compliance_reports_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "compliance_reports_report_type_check" CHECK ("compliance_reports"."report_type" in ('soc2', 'gdpr', 'hipaa', 'iso27001', 'access_review', 'custom')),
	CONSTRAINT "compliance_reports_status_check" CHECK ("compliance_reports"."status" in ('draft', 'generating', 'ready', 'failed', 'archived')),
	CONSTRAINT "compliance_reports_checksum_check" CHECK ("compliance_reports"."checksum" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "compliance_reports_period_check" CHECK ("compliance_reports"."period_end" >= "compliance_reports"."period_start")
);
--> statement-breakpoint
ALTER TABLE "compliance_reports" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "contents" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"title" varchar(500) NOT NULL,
	"content_type" varchar(20) DEFAULT 'article' NOT NULL,
	"status" varchar(20) DEFAULT 'draft' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contents_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "contents_content_type_check" CHECK ("contents"."content_type" in ('article', 'page', 'post', 'media', 'other')),
	CONSTRAINT "contents_status_check" CHECK ("contents"."status" in ('draft', 'published', 'archived'))
);
--> statement-breakpoint
ALTER TABLE "contents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "first_name" varchar(150) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_name" varchar(150) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_login_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tenant_domains" ADD CONSTRAINT "tenant_domains_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD CONSTRAINT "tenant_settings_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_team_id_fkey" FOREIGN KEY ("tenant_id","team_id") REFERENCES "public"."teams"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_user_id_fkey" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "boards" ADD CONSTRAINT "boards_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "boards" ADD CONSTRAINT "boards_project_id_fkey" FOREIGN KEY ("tenant_id","project_id") REFERENCES "public"."projects"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "boards" ADD CONSTRAINT "boards_created_by_fkey" FOREIGN KEY ("tenant_id","created_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_project_id_fkey" FOREIGN KEY ("tenant_id","project_id") REFERENCES "public"."projects"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sprints" ADD CONSTRAINT "sprints_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sprints" ADD CONSTRAINT "sprints_project_id_fkey" FOREIGN KEY ("tenant_id","project_id") REFERENCES "public"."projects"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_activities" ADD CONSTRAINT "task_activities_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_activities" ADD CONSTRAINT "task_activities_task_id_fkey" FOREIGN KEY ("tenant_id","task_id") REFERENCES "public"."tasks"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_activities" ADD CONSTRAINT "task_activities_actor_id_fkey" FOREIGN KEY ("tenant_id","actor_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_attachments" ADD CONSTRAINT "task_attachments_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_attachments" ADD CONSTRAINT "task_attachments_task_id_fkey" FOREIGN KEY ("tenant_id","task_id") REFERENCES "public"."tasks"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_attachments" ADD CONSTRAINT "task_attachments_uploaded_by_fkey" FOREIGN KEY ("tenant_id","uploaded_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_comments" ADD CONSTRAINT "task_comments_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_comments" ADD CONSTRAINT "task_comments_task_id_fkey" FOREIGN KEY ("tenant_id","task_id") REFERENCES "public"."tasks"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_comments" ADD CONSTRAINT "task_comments_author_id_fkey" FOREIGN KEY ("tenant_id","author_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_project_id_fkey" FOREIGN KEY ("tenant_id","project_id") REFERENCES "public"."projects"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_assignee_id_fkey" FOREIGN KEY ("tenant_id","assignee_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_reporter_id_fkey" FOREIGN KEY ("tenant_id","reporter_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_sprint_id_fkey" FOREIGN KEY ("tenant_id","sprint_id") REFERENCES "public"."sprints"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_milestone_id_fkey" FOREIGN KEY ("tenant_id","milestone_id") REFERENCES "public"."milestones"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_parent_task_id_fkey" FOREIGN KEY ("tenant_id","parent_task_id") REFERENCES "public"."tasks"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_activities" ADD CONSTRAINT "document_activities_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_activities" ADD CONSTRAINT "document_activities_document_id_fkey" FOREIGN KEY ("tenant_id","document_id") REFERENCES "public"."documents"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_activities" ADD CONSTRAINT "document_activities_actor_id_fkey" FOREIGN KEY ("tenant_id","actor_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_permissions" ADD CONSTRAINT "document_permissions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_permissions" ADD CONSTRAINT "document_permissions_document_id_fkey" FOREIGN KEY ("tenant_id","document_id") REFERENCES "public"."documents"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_permissions" ADD CONSTRAINT "document_permissions_folder_id_fkey" FOREIGN KEY ("tenant_id","folder_id") REFERENCES "public"."folders"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_permissions" ADD CONSTRAINT "document_permissions_user_id_fkey" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_permissions" ADD CONSTRAINT "document_permissions_team_id_fkey" FOREIGN KEY ("tenant_id","team_id") REFERENCES "public"."teams"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_permissions" ADD CONSTRAINT "document_permissions_granted_by_fkey" FOREIGN KEY ("tenant_id","granted_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_shares" ADD CONSTRAINT "document_shares_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_shares" ADD CONSTRAINT "document_shares_document_id_fkey" FOREIGN KEY ("tenant_id","document_id") REFERENCES "public"."documents"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_shares" ADD CONSTRAINT "document_shares_created_by_fkey" FOREIGN KEY ("tenant_id","created_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_document_id_fkey" FOREIGN KEY ("tenant_id","document_id") REFERENCES "public"."documents"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_created_by_fkey" FOREIGN KEY ("tenant_id","created_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_project_id_fkey" FOREIGN KEY ("tenant_id","project_id") REFERENCES "public"."projects"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_folder_id_fkey" FOREIGN KEY ("tenant_id","folder_id") REFERENCES "public"."folders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_owner_id_fkey" FOREIGN KEY ("tenant_id","owner_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_created_by_fkey" FOREIGN KEY ("tenant_id","created_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_updated_by_fkey" FOREIGN KEY ("tenant_id","updated_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "folders" ADD CONSTRAINT "folders_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "folders" ADD CONSTRAINT "folders_parent_id_fkey" FOREIGN KEY ("tenant_id","parent_id") REFERENCES "public"."folders"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "folders" ADD CONSTRAINT "folders_project_id_fkey" FOREIGN KEY ("tenant_id","project_id") REFERENCES "public"."projects"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "folders" ADD CONSTRAINT "folders_created_by_fkey" FOREIGN KEY ("tenant_id","created_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_approvals" ADD CONSTRAINT "workflow_approvals_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_approvals" ADD CONSTRAINT "workflow_approvals_execution_id_fkey" FOREIGN KEY ("tenant_id","execution_id") REFERENCES "public"."workflow_executions"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_approvals" ADD CONSTRAINT "workflow_approvals_step_id_fkey" FOREIGN KEY ("tenant_id","step_id") REFERENCES "public"."workflow_steps"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_approvals" ADD CONSTRAINT "workflow_approvals_approver_id_fkey" FOREIGN KEY ("tenant_id","approver_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_approvals" ADD CONSTRAINT "workflow_approvals_requested_by_fkey" FOREIGN KEY ("tenant_id","requested_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_executions" ADD CONSTRAINT "workflow_executions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_executions" ADD CONSTRAINT "workflow_executions_workflow_id_fkey" FOREIGN KEY ("tenant_id","workflow_id") REFERENCES "public"."workflows"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_executions" ADD CONSTRAINT "workflow_executions_triggered_by_fkey" FOREIGN KEY ("tenant_id","triggered_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_steps" ADD CONSTRAINT "workflow_steps_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_steps" ADD CONSTRAINT "workflow_steps_execution_id_fkey" FOREIGN KEY ("tenant_id","execution_id") REFERENCES "public"."workflow_executions"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflows" ADD CONSTRAINT "workflows_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflows" ADD CONSTRAINT "workflows_project_id_fkey" FOREIGN KEY ("tenant_id","project_id") REFERENCES "public"."projects"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflows" ADD CONSTRAINT "workflows_created_by_fkey" FOREIGN KEY ("tenant_id","created_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_reviews" ADD CONSTRAINT "audit_reviews_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_reviews" ADD CONSTRAINT "audit_reviews_reviewer_id_fkey" FOREIGN KEY ("tenant_id","reviewer_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_reviews" ADD CONSTRAINT "audit_reviews_audit_log_id_fkey" FOREIGN KEY ("tenant_id","audit_log_id") REFERENCES "public"."audit_logs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_reports" ADD CONSTRAINT "compliance_reports_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_reports" ADD CONSTRAINT "compliance_reports_generated_by_fkey" FOREIGN KEY ("tenant_id","generated_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contents" ADD CONSTRAINT "contents_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contents" ADD CONSTRAINT "contents_created_by_fkey" FOREIGN KEY ("tenant_id","created_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tenant_domains_tenant_id_created_at_idx" ON "tenant_domains" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "tenant_domains_hostname_key" ON "tenant_domains" USING btree ("hostname");--> statement-breakpoint
CREATE UNIQUE INDEX "tenant_domains_tenant_id_is_primary_key" ON "tenant_domains" USING btree ("tenant_id") WHERE "tenant_domains"."is_primary";--> statement-breakpoint
CREATE INDEX "tenant_settings_tenant_id_created_at_idx" ON "tenant_settings" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "tenant_settings_tenant_id_key" ON "tenant_settings" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "memberships_tenant_id_created_at_idx" ON "memberships" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_tenant_id_user_id_key" ON "memberships" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "sessions_tenant_id_created_at_idx" ON "sessions" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "sessions_tenant_id_user_id_started_at_idx" ON "sessions" USING btree ("tenant_id","user_id","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "sessions_tenant_id_started_at_open_idx" ON "sessions" USING btree ("tenant_id","started_at") WHERE "sessions"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "team_members_tenant_id_created_at_idx" ON "team_members" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "team_members_tenant_id_team_id_user_id_key" ON "team_members" USING btree ("tenant_id","team_id","user_id");--> statement-breakpoint
CREATE INDEX "team_members_tenant_id_user_id_idx" ON "team_members" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "teams_tenant_id_created_at_idx" ON "teams" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "teams_tenant_id_name_key" ON "teams" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "boards_tenant_id_created_at_idx" ON "boards" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "boards_tenant_id_project_id_name_key" ON "boards" USING btree ("tenant_id","project_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "boards_tenant_id_project_id_is_default_key" ON "boards" USING btree ("tenant_id","project_id") WHERE "boards"."is_default";--> statement-breakpoint
CREATE INDEX "milestones_tenant_id_created_at_idx" ON "milestones" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "milestones_tenant_id_project_id_status_idx" ON "milestones" USING btree ("tenant_id","project_id","status");--> statement-breakpoint
CREATE INDEX "milestones_tenant_id_due_date_idx" ON "milestones" USING btree ("tenant_id","due_date");--> statement-breakpoint
CREATE INDEX "projects_tenant_id_created_at_idx" ON "projects" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_tenant_id_name_key" ON "projects" USING btree ("tenant_id","name") WHERE "projects"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "projects_tenant_id_created_at_live_idx" ON "projects" USING btree ("tenant_id","created_at" DESC NULLS LAST) WHERE "projects"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "sprints_tenant_id_created_at_idx" ON "sprints" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sprints_tenant_id_project_id_name_key" ON "sprints" USING btree ("tenant_id","project_id","name");--> statement-breakpoint
CREATE INDEX "sprints_tenant_id_project_id_status_idx" ON "sprints" USING btree ("tenant_id","project_id","status");--> statement-breakpoint
CREATE INDEX "sprints_tenant_id_start_date_end_date_idx" ON "sprints" USING btree ("tenant_id","start_date","end_date");--> statement-breakpoint
CREATE INDEX "task_activities_tenant_id_created_at_idx" ON "task_activities" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "task_activities_tenant_id_task_id_created_at_idx" ON "task_activities" USING btree ("tenant_id","task_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "task_attachments_tenant_id_created_at_idx" ON "task_attachments" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "task_attachments_tenant_id_task_id_idx" ON "task_attachments" USING btree ("tenant_id","task_id");--> statement-breakpoint
CREATE INDEX "task_comments_tenant_id_created_at_idx" ON "task_comments" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "task_comments_tenant_id_task_id_created_at_idx" ON "task_comments" USING btree ("tenant_id","task_id","created_at");--> statement-breakpoint
CREATE INDEX "tasks_tenant_id_created_at_idx" ON "tasks" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "tasks_tenant_id_project_id_status_idx" ON "tasks" USING btree ("tenant_id","project_id","status") WHERE "tasks"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "tasks_tenant_id_assignee_id_idx" ON "tasks" USING btree ("tenant_id","assignee_id") WHERE "tasks"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "tasks_tenant_id_sprint_id_idx" ON "tasks" USING btree ("tenant_id","sprint_id");--> statement-breakpoint
CREATE INDEX "tasks_tenant_id_milestone_id_idx" ON "tasks" USING btree ("tenant_id","milestone_id");--> statement-breakpoint
CREATE INDEX "tasks_tenant_id_parent_task_id_idx" ON "tasks" USING btree ("tenant_id","parent_task_id");--> statement-breakpoint
CREATE INDEX "tasks_tenant_id_due_date_idx" ON "tasks" USING btree ("tenant_id","due_date") WHERE "tasks"."status" <> 'done' and "tasks"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "tasks_tenant_id_tags_idx" ON "tasks" USING gin ("tenant_id","tags");--> statement-breakpoint
CREATE INDEX "document_activities_tenant_id_created_at_idx" ON "document_activities" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "document_activities_tenant_id_document_id_created_at_idx" ON "document_activities" USING btree ("tenant_id","document_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "document_permissions_tenant_id_created_at_idx" ON "document_permissions" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "document_permissions_tenant_id_user_id_idx" ON "document_permissions" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "document_permissions_tenant_id_team_id_idx" ON "document_permissions" USING btree ("tenant_id","team_id");--> statement-breakpoint
CREATE INDEX "document_permissions_tenant_id_folder_id_idx" ON "document_permissions" USING btree ("tenant_id","folder_id");--> statement-breakpoint
CREATE INDEX "document_shares_tenant_id_created_at_idx" ON "document_shares" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "document_shares_tenant_id_token_key" ON "document_shares" USING btree ("tenant_id","token");--> statement-breakpoint
CREATE INDEX "document_shares_tenant_id_document_id_idx" ON "document_shares" USING btree ("tenant_id","document_id");--> statement-breakpoint
CREATE INDEX "document_versions_tenant_id_created_at_idx" ON "document_versions" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "document_versions_tenant_id_document_id_version_number_key" ON "document_versions" USING btree ("tenant_id","document_id","version_number" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "document_versions_tenant_id_checksum_idx" ON "document_versions" USING btree ("tenant_id","checksum");--> statement-breakpoint
CREATE INDEX "documents_tenant_id_created_at_idx" ON "documents" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "documents_tenant_id_folder_id_idx" ON "documents" USING btree ("tenant_id","folder_id") WHERE "documents"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "documents_tenant_id_checksum_idx" ON "documents" USING btree ("tenant_id","checksum");--> statement-breakpoint
CREATE INDEX "documents_tenant_id_owner_id_idx" ON "documents" USING btree ("tenant_id","owner_id");--> statement-breakpoint
CREATE INDEX "documents_tenant_id_status_updated_at_idx" ON "documents" USING btree ("tenant_id","status","updated_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "documents_tenant_id_project_id_idx" ON "documents" USING btree ("tenant_id","project_id");--> statement-breakpoint
CREATE INDEX "documents_tenant_id_tags_idx" ON "documents" USING gin ("tenant_id","tags");--> statement-breakpoint
CREATE INDEX "folders_tenant_id_created_at_idx" ON "folders" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "folders_tenant_id_path_key" ON "folders" USING btree ("tenant_id","path") WHERE "folders"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "folders_tenant_id_parent_id_idx" ON "folders" USING btree ("tenant_id","parent_id") WHERE "folders"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "workflow_approvals_tenant_id_created_at_idx" ON "workflow_approvals" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "workflow_approvals_tenant_id_execution_id_idx" ON "workflow_approvals" USING btree ("tenant_id","execution_id");--> statement-breakpoint
CREATE INDEX "workflow_approvals_tenant_id_approver_id_status_idx" ON "workflow_approvals" USING btree ("tenant_id","approver_id","status");--> statement-breakpoint
CREATE INDEX "workflow_approvals_tenant_id_expires_at_pending_idx" ON "workflow_approvals" USING btree ("tenant_id","expires_at") WHERE "workflow_approvals"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "workflow_executions_tenant_id_created_at_idx" ON "workflow_executions" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "workflow_executions_tenant_id_workflow_id_started_at_idx" ON "workflow_executions" USING btree ("tenant_id","workflow_id","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "workflow_executions_tenant_id_status_idx" ON "workflow_executions" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "workflow_steps_tenant_id_created_at_idx" ON "workflow_steps" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "workflow_steps_tenant_id_execution_id_node_id_attempt_key" ON "workflow_steps" USING btree ("tenant_id","execution_id","node_id","attempt");--> statement-breakpoint
CREATE INDEX "workflow_steps_tenant_id_status_idx" ON "workflow_steps" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "workflows_tenant_id_created_at_idx" ON "workflows" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "workflows_tenant_id_name_version_key" ON "workflows" USING btree ("tenant_id","name","version");--> statement-breakpoint
CREATE INDEX "workflows_tenant_id_status_idx" ON "workflows" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "workflows_tenant_id_workflow_type_idx" ON "workflows" USING btree ("tenant_id","workflow_type");--> statement-breakpoint
CREATE INDEX "workflows_tenant_id_project_id_idx" ON "workflows" USING btree ("tenant_id","project_id");--> statement-breakpoint
CREATE INDEX "audit_logs_tenant_id_created_at_idx" ON "audit_logs" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_logs_tenant_id_user_id_created_at_idx" ON "audit_logs" USING btree ("tenant_id","user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_logs_tenant_id_resource_type_resource_id_idx" ON "audit_logs" USING btree ("tenant_id","resource_type","resource_id");--> statement-breakpoint
CREATE INDEX "audit_logs_tenant_id_action_idx" ON "audit_logs" USING btree ("tenant_id","action");--> statement-breakpoint
CREATE INDEX "audit_logs_tenant_id_severity_idx" ON "audit_logs" USING btree ("tenant_id","severity") WHERE "audit_logs"."severity" in ('error', 'critical');--> statement-breakpoint
CREATE INDEX "audit_reviews_tenant_id_created_at_idx" ON "audit_reviews" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_reviews_tenant_id_status_idx" ON "audit_reviews" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "audit_reviews_tenant_id_reviewer_id_idx" ON "audit_reviews" USING btree ("tenant_id","reviewer_id");--> statement-breakpoint
CREATE INDEX "compliance_reports_tenant_id_created_at_idx" ON "compliance_reports" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "compliance_reports_tenant_id_report_type_period_start_idx" ON "compliance_reports" USING btree ("tenant_id","report_type","period_start");--> statement-breakpoint
CREATE INDEX "compliance_reports_tenant_id_status_idx" ON "compliance_reports" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "contents_tenant_id_created_at_idx" ON "contents" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "contents_tenant_id_content_type_status_idx" ON "contents" USING btree ("tenant_id","content_type","status");--> statement-breakpoint
CREATE INDEX "contents_tenant_id_created_by_idx" ON "contents" USING btree ("tenant_id","created_by");--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_license_tier_check" CHECK ("tenants"."license_tier" in ('trial', 'starter', 'professional', 'enterprise'));--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_status_check" CHECK ("tenants"."status" in ('active', 'suspended', 'deleted'));--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_company_size_check" CHECK ("tenants"."company_size" in ('small', 'medium', 'large', 'enterprise'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_role_check" CHECK ("users"."role" in ('owner', 'admin', 'member', 'guest'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_status_check" CHECK ("users"."status" in ('invited', 'active', 'disabled'));--> statement-breakpoint
CREATE POLICY "tenant_domains_tenant_isolation" ON "tenant_domains" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_settings_tenant_isolation" ON "tenant_settings" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "memberships_tenant_isolation" ON "memberships" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "sessions_tenant_isolation" ON "sessions" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "team_members_tenant_isolation" ON "team_members" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "teams_tenant_isolation" ON "teams" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "boards_tenant_isolation" ON "boards" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "milestones_tenant_isolation" ON "milestones" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "projects_tenant_isolation" ON "projects" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "sprints_tenant_isolation" ON "sprints" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "task_activities_tenant_isolation" ON "task_activities" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "task_attachments_tenant_isolation" ON "task_attachments" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "task_comments_tenant_isolation" ON "task_comments" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tasks_tenant_isolation" ON "tasks" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "document_activities_tenant_isolation" ON "document_activities" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "document_permissions_tenant_isolation" ON "document_permissions" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "document_shares_tenant_isolation" ON "document_shares" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "document_versions_tenant_isolation" ON "document_versions" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "documents_tenant_isolation" ON "documents" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "folders_tenant_isolation" ON "folders" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "workflow_approvals_tenant_isolation" ON "workflow_approvals" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "workflow_executions_tenant_isolation" ON "workflow_executions" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "workflow_steps_tenant_isolation" ON "workflow_steps" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "workflows_tenant_isolation" ON "workflows" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "audit_logs_tenant_isolation" ON "audit_logs" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "audit_logs_retention" ON "audit_logs" AS PERMISSIVE FOR ALL TO "stocksync_retention" USING (created_at < now() - stocksync_audit_retention()) WITH CHECK (false);--> statement-breakpoint
CREATE POLICY "audit_reviews_tenant_isolation" ON "audit_reviews" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "compliance_reports_tenant_isolation" ON "compliance_reports" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "contents_tenant_isolation" ON "contents" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
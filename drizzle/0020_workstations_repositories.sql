CREATE TABLE "gitea_organizations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"gitea_org_id" integer NOT NULL,
	"name" varchar(255) NOT NULL,
	"full_name" varchar(255),
	"visibility" varchar(20) DEFAULT 'private' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gitea_organizations_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "gitea_organizations_visibility_check" CHECK ("gitea_organizations"."visibility" in ('public', 'limited', 'private'))
);
--> statement-breakpoint
ALTER TABLE "gitea_organizations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "workstation_assignments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"workstation_id" uuid NOT NULL,
	"user_email" varchar(254) NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_at" timestamp with time zone,
	CONSTRAINT "workstation_assignments_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "workstation_assignments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "workstation_metrics" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"workstation_id" uuid NOT NULL,
	"cpu_percent" numeric(5, 2) NOT NULL,
	"memory_mb" integer NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workstation_metrics_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "workstation_metrics" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "workstation_sessions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"workstation_id" uuid NOT NULL,
	"user_email" varchar(254) NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "workstation_sessions_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "workstation_sessions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "workstations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT stocksync_uuidv7() NOT NULL,
	"name" varchar(255) NOT NULL,
	"hostname" varchar(255),
	"os" varchar(50),
	"status" varchar(20) DEFAULT 'offline' NOT NULL,
	"last_seen_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workstations_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "workstations_status_check" CHECK ("workstations"."status" in ('online', 'offline', 'maintenance', 'retired'))
);
--> statement-breakpoint
ALTER TABLE "workstations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "gitea_organizations" ADD CONSTRAINT "gitea_organizations_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workstation_assignments" ADD CONSTRAINT "workstation_assignments_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workstation_assignments" ADD CONSTRAINT "workstation_assignments_workstation_id_fkey" FOREIGN KEY ("tenant_id","workstation_id") REFERENCES "public"."workstations"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workstation_metrics" ADD CONSTRAINT "workstation_metrics_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workstation_metrics" ADD CONSTRAINT "workstation_metrics_workstation_id_fkey" FOREIGN KEY ("tenant_id","workstation_id") REFERENCES "public"."workstations"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workstation_sessions" ADD CONSTRAINT "workstation_sessions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workstation_sessions" ADD CONSTRAINT "workstation_sessions_workstation_id_fkey" FOREIGN KEY ("tenant_id","workstation_id") REFERENCES "public"."workstations"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workstations" ADD CONSTRAINT "workstations_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gitea_organizations_tenant_id_created_at_idx" ON "gitea_organizations" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "gitea_organizations_tenant_id_gitea_org_id_key" ON "gitea_organizations" USING btree ("tenant_id","gitea_org_id");--> statement-breakpoint
CREATE INDEX "workstation_assignments_tenant_id_workstation_id_idx" ON "workstation_assignments" USING btree ("tenant_id","workstation_id");--> statement-breakpoint
CREATE INDEX "workstation_metrics_tenant_id_workstation_id_recorded_at_idx" ON "workstation_metrics" USING btree ("tenant_id","workstation_id","recorded_at");--> statement-breakpoint
CREATE INDEX "workstation_sessions_tenant_id_workstation_id_started_at_idx" ON "workstation_sessions" USING btree ("tenant_id","workstation_id","started_at");--> statement-breakpoint
CREATE INDEX "workstations_tenant_id_created_at_idx" ON "workstations" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "workstations_tenant_id_status_idx" ON "workstations" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE POLICY "gitea_organizations_tenant_isolation" ON "gitea_organizations" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "workstation_assignments_tenant_isolation" ON "workstation_assignments" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "workstation_metrics_tenant_isolation" ON "workstation_metrics" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "workstation_sessions_tenant_isolation" ON "workstation_sessions" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "workstations_tenant_isolation" ON "workstations" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
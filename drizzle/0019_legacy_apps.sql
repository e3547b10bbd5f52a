CREATE SCHEMA "legacy";
--> statement-breakpoint
CREATE TABLE "legacy"."repositories_giteaorganization" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" varchar(63) NOT NULL,
	"gitea_org_id" integer NOT NULL,
	"name" varchar(255) NOT NULL,
	"full_name" varchar(255),
	"visibility" varchar(20) DEFAULT 'private' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legacy"."tenant_fk_moves" (
	"source_table" text NOT NULL,
	"legacy_id" integer NOT NULL,
	"target_table" text NOT NULL,
	"target_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"original" jsonb NOT NULL,
	"moved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_fk_moves_pkey" PRIMARY KEY("source_table","legacy_id")
);
--> statement-breakpoint
CREATE TABLE "legacy"."tenant_fk_quarantine" (
	"source_table" text NOT NULL,
	"legacy_id" integer NOT NULL,
	"tenant_ref" varchar(63) NOT NULL,
	"reason" text NOT NULL,
	"original" jsonb NOT NULL,
	"quarantined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_fk_quarantine_pkey" PRIMARY KEY("source_table","legacy_id")
);
--> statement-breakpoint
CREATE TABLE "legacy"."workstations_workstationassignment" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" varchar(63) NOT NULL,
	"workstation_id" integer NOT NULL,
	"user_email" varchar(254) NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "legacy"."workstations_workstationmetric" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" varchar(63) NOT NULL,
	"workstation_id" integer NOT NULL,
	"cpu_percent" numeric(5, 2) NOT NULL,
	"memory_mb" integer NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legacy"."workstations_workstationsession" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" varchar(63) NOT NULL,
	"workstation_id" integer NOT NULL,
	"user_email" varchar(254) NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "legacy"."workstations_workstation" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" varchar(63) NOT NULL,
	"name" varchar(255) NOT NULL,
	"hostname" varchar(255),
	"os" varchar(50),
	"status" varchar(20) DEFAULT 'offline' NOT NULL,
	"last_seen_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_reviews" DROP CONSTRAINT "audit_reviews_audit_log_id_fkey";
--> statement-breakpoint
ALTER TABLE "legacy"."workstations_workstationassignment" ADD CONSTRAINT "workstations_workstationassignment_workstation_id_fkey" FOREIGN KEY ("workstation_id") REFERENCES "legacy"."workstations_workstation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legacy"."workstations_workstationmetric" ADD CONSTRAINT "workstations_workstationmetric_workstation_id_fkey" FOREIGN KEY ("workstation_id") REFERENCES "legacy"."workstations_workstation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legacy"."workstations_workstationsession" ADD CONSTRAINT "workstations_workstationsession_workstation_id_fkey" FOREIGN KEY ("workstation_id") REFERENCES "legacy"."workstations_workstation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tenant_fk_moves_tenant_id_idx" ON "legacy"."tenant_fk_moves" USING btree ("tenant_id");
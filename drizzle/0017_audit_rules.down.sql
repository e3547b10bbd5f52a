-- Reverts 0017_audit_rules.
DROP TRIGGER IF EXISTS audit_logs_no_truncate ON "audit_logs";
--> statement-breakpoint
DROP TRIGGER IF EXISTS audit_logs_immutable ON "audit_logs";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_audit_logs_immutable();
--> statement-breakpoint
REVOKE SELECT, DELETE ON "audit_logs" FROM stocksync_retention;
--> statement-breakpoint
REVOKE USAGE ON SCHEMA public FROM stocksync_retention;
--> statement-breakpoint
GRANT UPDATE, DELETE ON "audit_logs" TO stocksync_app;
--> statement-breakpoint
ALTER TABLE "contents" DROP CONSTRAINT "contents_created_by_fkey";
--> statement-breakpoint
ALTER TABLE "contents" ADD CONSTRAINT "contents_created_by_fkey" FOREIGN KEY ("tenant_id", "created_by") REFERENCES "users"("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
DROP TRIGGER IF EXISTS contents_touch_updated_at ON "contents";
--> statement-breakpoint
ALTER TABLE "contents" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "compliance_reports" DROP CONSTRAINT "compliance_reports_generated_by_fkey";
--> statement-breakpoint
ALTER TABLE "compliance_reports" ADD CONSTRAINT "compliance_reports_generated_by_fkey" FOREIGN KEY ("tenant_id", "generated_by") REFERENCES "users"("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
DROP TRIGGER IF EXISTS compliance_reports_touch_updated_at ON "compliance_reports";
--> statement-breakpoint
ALTER TABLE "compliance_reports" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "audit_reviews" DROP CONSTRAINT "audit_reviews_reviewer_id_fkey";
--> statement-breakpoint
ALTER TABLE "audit_reviews" ADD CONSTRAINT "audit_reviews_reviewer_id_fkey" FOREIGN KEY ("tenant_id", "reviewer_id") REFERENCES "users"("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
DROP TRIGGER IF EXISTS audit_reviews_touch_updated_at ON "audit_reviews";
--> statement-breakpoint
ALTER TABLE "audit_reviews" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "audit_logs" NO FORCE ROW LEVEL SECURITY;

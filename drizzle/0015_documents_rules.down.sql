-- Reverts 0015_documents_rules.
DROP TRIGGER IF EXISTS document_versions_file_size ON "document_versions";
--> statement-breakpoint
DROP TRIGGER IF EXISTS documents_file_size ON "documents";
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_versions_sync ON "document_versions";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_document_versions_sync();
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_versions_number ON "document_versions";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_document_versions_number();
--> statement-breakpoint
DROP TRIGGER IF EXISTS folders_path_cascade ON "folders";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_folders_path_cascade();
--> statement-breakpoint
DROP TRIGGER IF EXISTS folders_path ON "folders";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_folders_path();
--> statement-breakpoint
ALTER TABLE "document_activities" DROP CONSTRAINT "document_activities_actor_id_fkey";
--> statement-breakpoint
ALTER TABLE "document_activities" ADD CONSTRAINT "document_activities_actor_id_fkey" FOREIGN KEY ("tenant_id", "actor_id") REFERENCES "users"("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_activities_touch_updated_at ON "document_activities";
--> statement-breakpoint
ALTER TABLE "document_activities" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "document_shares" DROP CONSTRAINT "document_shares_created_by_fkey";
--> statement-breakpoint
ALTER TABLE "document_shares" ADD CONSTRAINT "document_shares_created_by_fkey" FOREIGN KEY ("tenant_id", "created_by") REFERENCES "users"("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_shares_touch_updated_at ON "document_shares";
--> statement-breakpoint
ALTER TABLE "document_shares" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "document_permissions" DROP CONSTRAINT "document_permissions_granted_by_fkey";
--> statement-breakpoint
ALTER TABLE "document_permissions" ADD CONSTRAINT "document_permissions_granted_by_fkey" FOREIGN KEY ("tenant_id", "granted_by") REFERENCES "users"("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_permissions_touch_updated_at ON "document_permissions";
--> statement-breakpoint
ALTER TABLE "document_permissions" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "document_versions" DROP CONSTRAINT "document_versions_created_by_fkey";
--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_created_by_fkey" FOREIGN KEY ("tenant_id", "created_by") REFERENCES "users"("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_versions_touch_updated_at ON "document_versions";
--> statement-breakpoint
ALTER TABLE "document_versions" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "documents" DROP CONSTRAINT "documents_updated_by_fkey";
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_updated_by_fkey" FOREIGN KEY ("tenant_id", "updated_by") REFERENCES "users"("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
ALTER TABLE "documents" DROP CONSTRAINT "documents_created_by_fkey";
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_created_by_fkey" FOREIGN KEY ("tenant_id", "created_by") REFERENCES "users"("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
ALTER TABLE "documents" DROP CONSTRAINT "documents_owner_id_fkey";
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_owner_id_fkey" FOREIGN KEY ("tenant_id", "owner_id") REFERENCES "users"("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
ALTER TABLE "documents" DROP CONSTRAINT "documents_folder_id_fkey";
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_folder_id_fkey" FOREIGN KEY ("tenant_id", "folder_id") REFERENCES "folders"("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
ALTER TABLE "documents" DROP CONSTRAINT "documents_project_id_fkey";
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_project_id_fkey" FOREIGN KEY ("tenant_id", "project_id") REFERENCES "projects"("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
DROP TRIGGER IF EXISTS documents_touch_updated_at ON "documents";
--> statement-breakpoint
ALTER TABLE "documents" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "folders" DROP CONSTRAINT "folders_created_by_fkey";
--> statement-breakpoint
ALTER TABLE "folders" ADD CONSTRAINT "folders_created_by_fkey" FOREIGN KEY ("tenant_id", "created_by") REFERENCES "users"("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
ALTER TABLE "folders" DROP CONSTRAINT "folders_project_id_fkey";
--> statement-breakpoint
ALTER TABLE "folders" ADD CONSTRAINT "folders_project_id_fkey" FOREIGN KEY ("tenant_id", "project_id") REFERENCES "projects"("tenant_id", "id") ON DELETE NO ACTION;
--> statement-breakpoint
DROP TRIGGER IF EXISTS folders_touch_updated_at ON "folders";
--> statement-breakpoint
ALTER TABLE "folders" NO FORCE ROW LEVEL SECURITY;

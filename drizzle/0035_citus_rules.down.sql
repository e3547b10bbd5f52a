-- Reverts 0035_citus_rules.
CREATE OR REPLACE FUNCTION stocksync_workflow_has_node(p_tenant_id uuid, p_workflow_id uuid, p_node text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM workflows w, jsonb_array_elements(w.definition->'nodes') n
    WHERE w.tenant_id = p_tenant_id AND w.id = p_workflow_id AND n->>'id' = p_node
  )
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "workflows_project_id_set_null" ON "projects";
--> statement-breakpoint
ALTER TABLE "workflows" DROP CONSTRAINT "workflows_project_id_fkey", ADD CONSTRAINT "workflows_project_id_fkey" FOREIGN KEY ("tenant_id", "project_id") REFERENCES "projects"("tenant_id", "id") ON DELETE SET NULL ("project_id");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "workflows_created_by_set_null" ON "users";
--> statement-breakpoint
ALTER TABLE "workflows" DROP CONSTRAINT "workflows_created_by_fkey", ADD CONSTRAINT "workflows_created_by_fkey" FOREIGN KEY ("tenant_id", "created_by") REFERENCES "users"("tenant_id", "id") ON DELETE SET NULL ("created_by");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "workflow_executions_triggered_by_set_null" ON "users";
--> statement-breakpoint
ALTER TABLE "workflow_executions" DROP CONSTRAINT "workflow_executions_triggered_by_fkey", ADD CONSTRAINT "workflow_executions_triggered_by_fkey" FOREIGN KEY ("tenant_id", "triggered_by") REFERENCES "users"("tenant_id", "id") ON DELETE SET NULL ("triggered_by");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "workflow_approvals_step_id_set_null" ON "workflow_steps";
--> statement-breakpoint
ALTER TABLE "workflow_approvals" DROP CONSTRAINT "workflow_approvals_step_id_fkey", ADD CONSTRAINT "workflow_approvals_step_id_fkey" FOREIGN KEY ("tenant_id", "step_id") REFERENCES "workflow_steps"("tenant_id", "id") ON DELETE SET NULL ("step_id");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "workflow_approvals_requested_by_set_null" ON "users";
--> statement-breakpoint
ALTER TABLE "workflow_approvals" DROP CONSTRAINT "workflow_approvals_requested_by_fkey", ADD CONSTRAINT "workflow_approvals_requested_by_fkey" FOREIGN KEY ("tenant_id", "requested_by") REFERENCES "users"("tenant_id", "id") ON DELETE SET NULL ("requested_by");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "workflow_approvals_approver_id_set_null" ON "users";
--> statement-breakpoint
ALTER TABLE "workflow_approvals" DROP CONSTRAINT "workflow_approvals_approver_id_fkey", ADD CONSTRAINT "workflow_approvals_approver_id_fkey" FOREIGN KEY ("tenant_id", "approver_id") REFERENCES "users"("tenant_id", "id") ON DELETE SET NULL ("approver_id");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "tasks_sprint_id_set_null" ON "sprints";
--> statement-breakpoint
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_sprint_id_fkey", ADD CONSTRAINT "tasks_sprint_id_fkey" FOREIGN KEY ("tenant_id", "sprint_id") REFERENCES "sprints"("tenant_id", "id") ON DELETE SET NULL ("sprint_id");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "tasks_reporter_id_set_null" ON "users";
--> statement-breakpoint
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_reporter_id_fkey", ADD CONSTRAINT "tasks_reporter_id_fkey" FOREIGN KEY ("tenant_id", "reporter_id") REFERENCES "users"("tenant_id", "id") ON DELETE SET NULL ("reporter_id");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "tasks_parent_task_id_set_null" ON "tasks";
--> statement-breakpoint
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_parent_task_id_fkey", ADD CONSTRAINT "tasks_parent_task_id_fkey" FOREIGN KEY ("tenant_id", "parent_task_id") REFERENCES "tasks"("tenant_id", "id") ON DELETE SET NULL ("parent_task_id");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "tasks_milestone_id_set_null" ON "milestones";
--> statement-breakpoint
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_milestone_id_fkey", ADD CONSTRAINT "tasks_milestone_id_fkey" FOREIGN KEY ("tenant_id", "milestone_id") REFERENCES "milestones"("tenant_id", "id") ON DELETE SET NULL ("milestone_id");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "tasks_assignee_id_set_null" ON "users";
--> statement-breakpoint
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_assignee_id_fkey", ADD CONSTRAINT "tasks_assignee_id_fkey" FOREIGN KEY ("tenant_id", "assignee_id") REFERENCES "users"("tenant_id", "id") ON DELETE SET NULL ("assignee_id");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "task_comments_author_id_set_null" ON "users";
--> statement-breakpoint
ALTER TABLE "task_comments" DROP CONSTRAINT "task_comments_author_id_fkey", ADD CONSTRAINT "task_comments_author_id_fkey" FOREIGN KEY ("tenant_id", "author_id") REFERENCES "users"("tenant_id", "id") ON DELETE SET NULL ("author_id");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "task_attachments_uploaded_by_set_null" ON "users";
--> statement-breakpoint
ALTER TABLE "task_attachments" DROP CONSTRAINT "task_attachments_uploaded_by_fkey", ADD CONSTRAINT "task_attachments_uploaded_by_fkey" FOREIGN KEY ("tenant_id", "uploaded_by") REFERENCES "users"("tenant_id", "id") ON DELETE SET NULL ("uploaded_by");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "task_activities_actor_id_set_null" ON "users";
--> statement-breakpoint
ALTER TABLE "task_activities" DROP CONSTRAINT "task_activities_actor_id_fkey", ADD CONSTRAINT "task_activities_actor_id_fkey" FOREIGN KEY ("tenant_id", "actor_id") REFERENCES "users"("tenant_id", "id") ON DELETE SET NULL ("actor_id");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "subscriptions_user_id_set_null" ON "users";
--> statement-breakpoint
ALTER TABLE "subscriptions" DROP CONSTRAINT "subscriptions_user_id_fkey", ADD CONSTRAINT "subscriptions_user_id_fkey" FOREIGN KEY ("tenant_id", "user_id") REFERENCES "users"("tenant_id", "id") ON DELETE SET NULL ("user_id");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "payments_order_id_set_null" ON "billing_orders";
--> statement-breakpoint
ALTER TABLE "payments" DROP CONSTRAINT "payments_order_id_fkey", ADD CONSTRAINT "payments_order_id_fkey" FOREIGN KEY ("tenant_id", "order_id") REFERENCES "billing_orders"("tenant_id", "id") ON DELETE SET NULL ("order_id");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "payments_invoice_id_set_null" ON "invoices";
--> statement-breakpoint
ALTER TABLE "payments" DROP CONSTRAINT "payments_invoice_id_fkey", ADD CONSTRAINT "payments_invoice_id_fkey" FOREIGN KEY ("tenant_id", "invoice_id") REFERENCES "invoices"("tenant_id", "id") ON DELETE SET NULL ("invoice_id");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "licenses_entitlement_id_set_null" ON "entitlements";
--> statement-breakpoint
ALTER TABLE "licenses" DROP CONSTRAINT "licenses_entitlement_id_fkey", ADD CONSTRAINT "licenses_entitlement_id_fkey" FOREIGN KEY ("tenant_id", "entitlement_id") REFERENCES "entitlements"("tenant_id", "id") ON DELETE SET NULL ("entitlement_id");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "license_sessions_user_id_set_null" ON "users";
--> statement-breakpoint
ALTER TABLE "license_sessions" DROP CONSTRAINT "license_sessions_user_id_fkey", ADD CONSTRAINT "license_sessions_user_id_fkey" FOREIGN KEY ("tenant_id", "user_id") REFERENCES "users"("tenant_id", "id") ON DELETE SET NULL ("user_id");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "invoices_subscription_id_set_null" ON "subscriptions";
--> statement-breakpoint
ALTER TABLE "invoices" DROP CONSTRAINT "invoices_subscription_id_fkey", ADD CONSTRAINT "invoices_subscription_id_fkey" FOREIGN KEY ("tenant_id", "subscription_id") REFERENCES "subscriptions"("tenant_id", "id") ON DELETE SET NULL ("subscription_id");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "invoices_order_id_set_null" ON "billing_orders";
--> statement-breakpoint
ALTER TABLE "invoices" DROP CONSTRAINT "invoices_order_id_fkey", ADD CONSTRAINT "invoices_order_id_fkey" FOREIGN KEY ("tenant_id", "order_id") REFERENCES "billing_orders"("tenant_id", "id") ON DELETE SET NULL ("order_id");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "inventory_orders_driver_id_set_null" ON "drivers";
--> statement-breakpoint
ALTER TABLE "inventory_orders" DROP CONSTRAINT "inventory_orders_driver_id_fkey", ADD CONSTRAINT "inventory_orders_driver_id_fkey" FOREIGN KEY ("tenant_id", "driver_id") REFERENCES "drivers"("tenant_id", "id") ON DELETE SET NULL ("driver_id");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "inventory_orders_created_by_id_set_null" ON "users";
--> statement-breakpoint
ALTER TABLE "inventory_orders" DROP CONSTRAINT "inventory_orders_created_by_id_fkey", ADD CONSTRAINT "inventory_orders_created_by_id_fkey" FOREIGN KEY ("tenant_id", "created_by_id") REFERENCES "users"("tenant_id", "id") ON DELETE SET NULL ("created_by_id");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "folders_project_id_set_null" ON "projects";
--> statement-breakpoint
ALTER TABLE "folders" DROP CONSTRAINT "folders_project_id_fkey", ADD CONSTRAINT "folders_project_id_fkey" FOREIGN KEY ("tenant_id", "project_id") REFERENCES "projects"("tenant_id", "id") ON DELETE SET NULL ("project_id");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "folders_created_by_set_null" ON "users";
--> statement-breakpoint
ALTER TABLE "folders" DROP CONSTRAINT "folders_created_by_fkey", ADD CONSTRAINT "folders_created_by_fkey" FOREIGN KEY ("tenant_id", "created_by") REFERENCES "users"("tenant_id", "id") ON DELETE SET NULL ("created_by");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "drivers_user_id_set_null" ON "users";
--> statement-breakpoint
ALTER TABLE "drivers" DROP CONSTRAINT "drivers_user_id_fkey", ADD CONSTRAINT "drivers_user_id_fkey" FOREIGN KEY ("tenant_id", "user_id") REFERENCES "users"("tenant_id", "id") ON DELETE SET NULL ("user_id");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "documents_updated_by_set_null" ON "users";
--> statement-breakpoint
ALTER TABLE "documents" DROP CONSTRAINT "documents_updated_by_fkey", ADD CONSTRAINT "documents_updated_by_fkey" FOREIGN KEY ("tenant_id", "updated_by") REFERENCES "users"("tenant_id", "id") ON DELETE SET NULL ("updated_by");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "documents_project_id_set_null" ON "projects";
--> statement-breakpoint
ALTER TABLE "documents" DROP CONSTRAINT "documents_project_id_fkey", ADD CONSTRAINT "documents_project_id_fkey" FOREIGN KEY ("tenant_id", "project_id") REFERENCES "projects"("tenant_id", "id") ON DELETE SET NULL ("project_id");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "documents_owner_id_set_null" ON "users";
--> statement-breakpoint
ALTER TABLE "documents" DROP CONSTRAINT "documents_owner_id_fkey", ADD CONSTRAINT "documents_owner_id_fkey" FOREIGN KEY ("tenant_id", "owner_id") REFERENCES "users"("tenant_id", "id") ON DELETE SET NULL ("owner_id");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "documents_folder_id_set_null" ON "folders";
--> statement-breakpoint
ALTER TABLE "documents" DROP CONSTRAINT "documents_folder_id_fkey", ADD CONSTRAINT "documents_folder_id_fkey" FOREIGN KEY ("tenant_id", "folder_id") REFERENCES "folders"("tenant_id", "id") ON DELETE SET NULL ("folder_id");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "documents_created_by_set_null" ON "users";
--> statement-breakpoint
ALTER TABLE "documents" DROP CONSTRAINT "documents_created_by_fkey", ADD CONSTRAINT "documents_created_by_fkey" FOREIGN KEY ("tenant_id", "created_by") REFERENCES "users"("tenant_id", "id") ON DELETE SET NULL ("created_by");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "document_versions_created_by_set_null" ON "users";
--> statement-breakpoint
ALTER TABLE "document_versions" DROP CONSTRAINT "document_versions_created_by_fkey", ADD CONSTRAINT "document_versions_created_by_fkey" FOREIGN KEY ("tenant_id", "created_by") REFERENCES "users"("tenant_id", "id") ON DELETE SET NULL ("created_by");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "document_shares_created_by_set_null" ON "users";
--> statement-breakpoint
ALTER TABLE "document_shares" DROP CONSTRAINT "document_shares_created_by_fkey", ADD CONSTRAINT "document_shares_created_by_fkey" FOREIGN KEY ("tenant_id", "created_by") REFERENCES "users"("tenant_id", "id") ON DELETE SET NULL ("created_by");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "document_permissions_granted_by_set_null" ON "users";
--> statement-breakpoint
ALTER TABLE "document_permissions" DROP CONSTRAINT "document_permissions_granted_by_fkey", ADD CONSTRAINT "document_permissions_granted_by_fkey" FOREIGN KEY ("tenant_id", "granted_by") REFERENCES "users"("tenant_id", "id") ON DELETE SET NULL ("granted_by");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "document_activities_actor_id_set_null" ON "users";
--> statement-breakpoint
ALTER TABLE "document_activities" DROP CONSTRAINT "document_activities_actor_id_fkey", ADD CONSTRAINT "document_activities_actor_id_fkey" FOREIGN KEY ("tenant_id", "actor_id") REFERENCES "users"("tenant_id", "id") ON DELETE SET NULL ("actor_id");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "contents_created_by_set_null" ON "users";
--> statement-breakpoint
ALTER TABLE "contents" DROP CONSTRAINT "contents_created_by_fkey", ADD CONSTRAINT "contents_created_by_fkey" FOREIGN KEY ("tenant_id", "created_by") REFERENCES "users"("tenant_id", "id") ON DELETE SET NULL ("created_by");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "compliance_reports_generated_by_set_null" ON "users";
--> statement-breakpoint
ALTER TABLE "compliance_reports" DROP CONSTRAINT "compliance_reports_generated_by_fkey", ADD CONSTRAINT "compliance_reports_generated_by_fkey" FOREIGN KEY ("tenant_id", "generated_by") REFERENCES "users"("tenant_id", "id") ON DELETE SET NULL ("generated_by");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "communications_sent_by_id_set_null" ON "users";
--> statement-breakpoint
ALTER TABLE "communications" DROP CONSTRAINT "communications_sent_by_id_fkey", ADD CONSTRAINT "communications_sent_by_id_fkey" FOREIGN KEY ("tenant_id", "sent_by_id") REFERENCES "users"("tenant_id", "id") ON DELETE SET NULL ("sent_by_id");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "communications_inventory_order_id_set_null" ON "inventory_orders";
--> statement-breakpoint
ALTER TABLE "communications" DROP CONSTRAINT "communications_inventory_order_id_fkey", ADD CONSTRAINT "communications_inventory_order_id_fkey" FOREIGN KEY ("tenant_id", "inventory_order_id") REFERENCES "inventory_orders"("tenant_id", "id") ON DELETE SET NULL ("inventory_order_id");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "boards_created_by_set_null" ON "users";
--> statement-breakpoint
ALTER TABLE "boards" DROP CONSTRAINT "boards_created_by_fkey", ADD CONSTRAINT "boards_created_by_fkey" FOREIGN KEY ("tenant_id", "created_by") REFERENCES "users"("tenant_id", "id") ON DELETE SET NULL ("created_by");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "billing_orders_cart_id_set_null" ON "carts";
--> statement-breakpoint
ALTER TABLE "billing_orders" DROP CONSTRAINT "billing_orders_cart_id_fkey", ADD CONSTRAINT "billing_orders_cart_id_fkey" FOREIGN KEY ("tenant_id", "cart_id") REFERENCES "carts"("tenant_id", "id") ON DELETE SET NULL ("cart_id");
--> statement-breakpoint
DROP TRIGGER IF EXISTS "audit_reviews_reviewer_id_set_null" ON "users";
--> statement-breakpoint
ALTER TABLE "audit_reviews" DROP CONSTRAINT "audit_reviews_reviewer_id_fkey", ADD CONSTRAINT "audit_reviews_reviewer_id_fkey" FOREIGN KEY ("tenant_id", "reviewer_id") REFERENCES "users"("tenant_id", "id") ON DELETE SET NULL ("reviewer_id");
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_set_null_reference();
